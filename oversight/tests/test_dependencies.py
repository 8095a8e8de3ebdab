"""The whole dependency tree is pinned, with hashes, and is what runs (issue 14 item 18).

requirements.txt and requirements-dev.txt hold the direct pins; `make lock` resolves them into
requirements.lock (everything `make` installs) and requirements-prod.lock (the runtime part).
"""

import re
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(filename: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / filename).read_text().splitlines():
        line = line.strip()
        if line.startswith("-r "):
            pins.update(direct_pins(line[3:].strip()))
        elif match := PIN.match(line):
            pins[canonical(match[1])] = match[2]
    return pins


def locked(filename: str) -> dict[str, tuple[str, int]]:
    """{name: (version, number of hashes)} of a pip-compile lock file."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / filename).read_text().splitlines():
        if match := PIN.match(line):
            current = canonical(match[1])
            entries[current] = (match[2], 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


@pytest.mark.parametrize(
    ("direct", "lock"),
    [
        ("requirements-dev.txt", "requirements.lock"),
        ("requirements.txt", "requirements-prod.lock"),
    ],
)
def test_every_direct_pin_is_in_its_lock_at_the_same_version(direct, lock):
    entries = locked(lock)
    assert {name: entries.get(name, (None,))[0] for name in direct_pins(direct)} == direct_pins(
        direct
    )


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-prod.lock"])
def test_every_locked_package_has_a_hash(lock):
    entries = locked(lock)
    assert len(entries) > len(direct_pins("requirements.txt"))  # transitive ones too
    assert [name for name, (_, hashes) in entries.items() if hashes == 0] == []


def test_production_runs_the_versions_the_tests_ran():
    dev = locked("requirements.lock")
    prod = locked("requirements-prod.lock")
    assert {name: version for name, (version, _) in prod.items()} == {
        name: dev[name][0] for name in prod
    }


def test_the_environment_running_the_tests_was_installed_from_the_lock():
    installed = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    different = {
        name: (version, installed.get(name))
        for name, (version, _) in locked("requirements.lock").items()
        if installed.get(name) != version
    }
    assert different == {}
