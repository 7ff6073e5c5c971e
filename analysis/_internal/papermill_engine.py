"""The papermill engine ``encrypted``: papermill's nbclient engine with the kernel's
channels encrypted (CurveZMQ keys provisioned by jupyter_client, as ipykernel's kernelspec
declares it supports), so that the kernel does not warn "Kernel is running over TCP
without encryption". Registered in pyproject.toml (entry point group papermill.engine):
``papermill --engine encrypted IN OUT …`` or ``papermill.execute_notebook(…,
engine_name="encrypted")``. papermill loads it (importing it before papermill would
import it twice over, through papermill's own loading of its engines).
"""
from __future__ import annotations

from papermill.engines import NBClientEngine
from traitlets.config import Config

from .kernel_config import ENCRYPTED_KERNEL_CONFIG

__all__ = ["EncryptedEngine"]


class EncryptedEngine(NBClientEngine):
    """papermill's nbclient engine, its kernel manager configured by ENCRYPTED_KERNEL_CONFIG."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        return super().execute_managed_notebook(nb_man, kernel_name, config=Config(ENCRYPTED_KERNEL_CONFIG), **kwargs)
