#!/usr/bin/env python3
"""Validates `medlint --format sarif` against the official SARIF 2.1.0 schema.

Usage: sarif_schema_test.py MEDLINT_BINARY SOURCE_DIR. Exits 77 (skipped)
when ../shared (which holds the schema) or python3-jsonschema is absent.
"""
import json
import pathlib
import subprocess
import sys

SKIP = 77


def main() -> int:
    binary, source_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    schema_path = source_dir.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        print(f"skipped: {schema_path} is absent")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        print("skipped: python3-jsonschema is not installed")
        return SKIP
    schema = json.loads(schema_path.read_text())
    for inputs in (["input"], ["input/export.txt"], ["../../content"]):
        run = subprocess.run([binary, "--today", "2026-11-23", "--format", "sarif", *inputs],
                             cwd=source_dir / "tests" / "golden", capture_output=True, text=True)
        report = json.loads(run.stdout)
        jsonschema.validate(report, schema)
        print(f"valid SARIF for {inputs}: {len(report['runs'][0]['results'])} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
