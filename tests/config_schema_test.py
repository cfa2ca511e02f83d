#!/usr/bin/env python3
"""Validates the shipped starter config and every .medlint.yaml under tests/
against schemas/medlint-config.schema.json, and checks the schema rejects a
misspelt key. Usage: config_schema_test.py SOURCE_DIR. Exits 77 (skipped)
without python3-jsonschema or python3-yaml."""
import json
import pathlib
import sys

SKIP = 77


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    try:
        import jsonschema
        import yaml
    except ImportError as missing:
        print(f"skipped: {missing}")
        return SKIP
    schema = json.loads((root / "schemas" / "medlint-config.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    configs = [root / "rules" / "starter-config.yaml", *sorted((root / "tests").rglob(".medlint.yaml"))]
    for config in configs:
        jsonschema.validate(yaml.safe_load(config.read_text()) or {}, schema)
        print(f"valid: {config.relative_to(root)}")
    try:
        jsonschema.validate({"rulez": {}}, schema)
    except jsonschema.ValidationError:
        print("rejects unknown keys")
    else:
        print("the schema accepted an unknown key")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
