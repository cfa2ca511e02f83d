"""The VS Code extension in editors/vscode is well formed and packs.

    vscode_extension_test.py SOURCE_DIR

Checks that package.json is valid, activates on Markdown, MDX and plain
text, has the binary path setting, and that the extension starts
`medlint server`; then that `npm pack` produces a package holding them.
Skipped (77) when npm is absent or cannot run offline.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

SKIP = 77


def main():
    extension = os.path.join(sys.argv[1], "editors", "vscode")
    with open(os.path.join(extension, "package.json"), encoding="utf-8") as file:
        package = json.load(file)
    assert package["name"] == "medlint" and package["engines"]["vscode"], package
    assert set(package["activationEvents"]) == {"onLanguage:markdown", "onLanguage:mdx", "onLanguage:plaintext"}
    assert package["contributes"]["configuration"]["properties"]["medlint.path"]["default"] == "medlint"
    assert "vscode-languageclient" in package["dependencies"], package
    main_script = os.path.normpath(os.path.join(extension, package["main"]))
    with open(main_script, encoding="utf-8") as file:
        script = file.read()
    assert re.search(r"""args:\s*\[\s*["']server["']\s*\]""", script), "the extension must run `medlint server`"
    assert 'get("path")' in script, "the extension must read the medlint.path setting"

    npm = shutil.which("npm")
    if not npm:
        print("npm not found: packaging not checked")
        return SKIP
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([npm, "pack", "--offline", "--pack-destination", out], cwd=extension,
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            print("npm pack failed (offline?): packaging not checked\n" + run.stderr[-2000:])
            return SKIP
        [archive] = [name for name in os.listdir(out) if name.endswith(".tgz")]
        with tarfile.open(os.path.join(out, archive)) as tar:
            names = set(tar.getnames())
    assert {"package/package.json", "package/extension.js", "package/README.md"} <= names, names
    print("ok:", archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
