"""Python's json-tricks reads what nni-trace writes, and nni-trace reads what json-tricks writes.

Usage: check_json_tricks.py <path to interop_values>. Runs with Debian's /usr/bin/python3, which
sees the python3-json-tricks package.
"""
import datetime
import enum
import subprocess
import sys
import types

import json_tricks
import numpy

# json-tricks decodes an enum member by importing its module: give it a module "paint" holding
# the same enum as the C++ side.
paint = types.ModuleType("paint")


class Color(enum.Enum):
    RED = 0
    GREEN = 1
    BLUE = 2


Color.__module__ = "paint"
paint.Color = Color
sys.modules["paint"] = paint

EXPECTED = {
    "enum": Color.GREEN,
    "set": {1, 2, 3},
    "complex": complex(1.5, -2.0),
    "timedelta": datetime.timedelta(days=1, seconds=3, microseconds=7),
    "timedelta_negative": datetime.timedelta(microseconds=-1),
    "datetime": datetime.datetime(2024, 1, 2, 3, 4, 5, 6),
    "floats": [0.1, 1e-07, 1e16, -0.0, 1.0],
    "string": 'caf\u00e9 \U0001F600 "q"\n',
    "int_keys": {"1": "a", "20": "b"},
    "tuple": [1, "x", True],
    "ndarray": numpy.array([[0, 1, 2], [3, 4, 5.5]], dtype=numpy.float32),
    "ndarray_int": numpy.array([-1, 0, 7], dtype=numpy.int64),
}


def same(decoded, expected):
    if isinstance(expected, numpy.ndarray):
        return (isinstance(decoded, numpy.ndarray) and decoded.dtype == expected.dtype
                and numpy.array_equal(decoded, expected))
    same_type = isinstance(decoded, dict) if isinstance(expected, dict) else (
        type(decoded) is type(expected))
    return same_type and decoded == expected


def main(exe):
    failures = 0
    out = subprocess.run([exe, "dump"], check=True, capture_output=True, text=True).stdout
    seen = set()
    for line in out.splitlines():
        name, payload = line.split("\t", 1)
        seen.add(name)
        decoded = json_tricks.loads(payload)
        if not same(decoded, EXPECTED[name]):
            print(f"FAIL json_tricks read {name}: {payload!r} -> {decoded!r}")
            failures += 1
        # Python writes the same bytes for the same value (dicts and sets in our order).
        rewritten = json_tricks.dumps(EXPECTED[name], allow_nan=True)
        if name not in ("int_keys", "tuple") and rewritten != payload:
            print(f"FAIL bytes differ for {name}: C++ {payload!r}, Python {rewritten!r}")
            failures += 1
    if seen != set(EXPECTED):
        print(f"FAIL cases missing from the C++ side: {set(EXPECTED) - seen}")
        failures += 1

    python_written = "".join(
        f"{name}\t{json_tricks.dumps(value)}\n"
        for name, value in EXPECTED.items()
        if name not in ("int_keys", "tuple")
    ) + 'int_keys\t{"1": "a", "20": "b"}\ntuple\t[1, "x", true]\n'
    load = subprocess.run([exe, "load"], input=python_written, capture_output=True, text=True)
    sys.stdout.write(load.stdout)
    sys.stdout.write(load.stderr)
    if load.returncode != 0:
        failures += 1
    print(f"{len(EXPECTED) * 2 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
