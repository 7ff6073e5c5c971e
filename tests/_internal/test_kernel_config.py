"""The kernel configuration: a kernel started with it gets CurveZMQ keys."""
from jupyter_client import KernelManager
from traitlets.config import Config

from analysis._internal.kernel_config import ENCRYPTED_KERNEL_CONFIG


def test_a_kernel_started_with_the_configuration_has_curve_keys():
    for config, encrypted in ((Config(ENCRYPTED_KERNEL_CONFIG), True), (Config(), False)):
        manager = KernelManager(kernel_name="python3", config=config)
        manager.start_kernel()
        try:
            assert bool(manager.get_connection_info().get("curve_publickey")) is encrypted
        finally:
            manager.shutdown_kernel(now=True)
