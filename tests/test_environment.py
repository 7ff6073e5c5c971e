"""The environment is pinned once (requirements.txt) and environment.yml mirrors it."""
import re
import tomllib

import pytest

from analysis.paths import ROOT


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[normalise(name)] = version
    return pins


def environment_pins() -> dict[str, str]:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    return {normalise(name): version for name, version in re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==(\S+)$", text, re.M)}


def test_every_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line.strip()), line


def test_environment_yml_names_the_direct_and_development_dependencies_at_the_locked_versions():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["dev"]
    env = environment_pins()
    assert sorted(env) == sorted(normalise(d) for d in direct)
    locked = requirement_pins()
    assert {name: locked.get(name) for name in env} == env


def test_supported_pythons_agree_everywhere():
    """pyproject's requires-python, environment.yml and tools/find-python name the same versions."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    low, high = re.fullmatch(r">=3\.(\d+),<3\.(\d+)", requires).groups()
    supported = [f"3.{minor}" for minor in range(int(high) - 1, int(low) - 1, -1)]
    assert f"- python>=3.{low},<3.{high}" in (ROOT / "environment.yml").read_text(encoding="utf-8")
    finder = (ROOT / "tools" / "find-python").read_text(encoding="utf-8")
    assert re.search(r'^SUPPORTED="(.*)"$', finder, re.M).group(1).split() == supported
    assert "|".join(reversed(supported)) in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_find_python_names_a_supported_interpreter():
    import subprocess

    result = subprocess.run([str(ROOT / "tools" / "find-python"), "all"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for path in result.stdout.split():
        version = subprocess.run([path, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True,
                                 text=True).stdout.strip()
        assert version in {"(3, 11)", "(3, 12)", "(3, 13)"}


def test_make_lab_passes_lab_args_to_jupyterlab():
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    result = subprocess.run(["make", "--no-print-directory", "-n", "lab", "STAMP=",
                             "LAB_ARGS=--allow-root --ip 0.0.0.0 --port 8889"],
                            capture_output=True, text=True, cwd=ROOT, check=True)    # under make test too
    commands = [line for line in result.stdout.splitlines() if "jupyter lab" in line]
    assert len(commands) == 1 and commands[0].endswith("jupyter lab notebooks --allow-root --ip 0.0.0.0 --port 8889")
