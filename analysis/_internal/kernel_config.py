"""How the project starts notebook kernels: with their channels encrypted."""
from __future__ import annotations

__all__ = ["ENCRYPTED_KERNEL_CONFIG"]

ENCRYPTED_KERNEL_CONFIG = {"KernelManager": {"transport_encryption": "auto"}}
"""The jupyter_client configuration that encrypts a kernel's channels (CurveZMQ keys
provisioned by the kernel manager, as ipykernel's kernelspec declares it supports), so
that the kernel does not warn "Kernel is running over TCP without encryption"."""
