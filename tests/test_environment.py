"""The environment is pinned once (requirements.txt) and environment.yml mirrors it."""
import re
import tomllib

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


def test_environment_yml_names_the_direct_dependencies_at_the_locked_versions():
    direct = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    env = environment_pins()
    assert sorted(env) == sorted(normalise(d) for d in direct)
    locked = requirement_pins()
    assert {name: locked.get(name) for name in env} == env


def test_environment_yml_python_matches_pyproject():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- python=3.11" in text
    assert 'requires-python = ">=3.11,<3.12"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
