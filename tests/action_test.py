#!/usr/bin/env python3
"""Loads action.yml and every workflow, then runs the Action's composite steps.

Usage: action_test.py MEDLINT_BINARY SOURCE_DIR. The steps run with bash in
a temporary git repository with a fake GitHub environment (the medlint under
test is on PATH, so the build step only reports it): a pull request that
removes escalation advice must fail with annotations, SARIF and a job
summary; a clean one must pass. The SARIF report is checked against the
official schema when ../shared holds it. Exits 77 (skipped) without
python3-yaml.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

REQUIRED_INPUTS = {"paths", "working-directory", "config", "baseline", "fail-on", "new-since", "changed-since",
                   "only-changed-lines", "sarif"}
# The build step installs exactly what a Release build without tests and
# benchmarks needs (scripts/quickstart installs the rest for development).
BUILD_PACKAGES = {"g++", "cmake", "ninja-build", "pkg-config", "libfmt-dev", "libyaml-cpp-dev", "libre2-dev",
                  "libcli11-dev", "libmd4c-dev", "libicu-dev", "libstemmer-dev", "nlohmann-json3-dev",
                  "libgumbo-dev", "libtomlplusplus-dev", "libhyperscan-dev"}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAILED: {message}")


def workflow_triggers(workflow):
    # YAML 1.1 reads the key `on` as the boolean true.
    return workflow.get("on", workflow.get(True))


def check_metadata(source_dir, yaml):
    action = yaml.safe_load((source_dir / "action.yml").read_text())
    for key in ("name", "description", "runs"):
        check(key in action, f"action.yml has `{key}`")
    check(action["runs"].get("using") == "composite", "action.yml is a composite action")
    inputs = action.get("inputs", {})
    check(REQUIRED_INPUTS <= set(inputs), f"action.yml inputs include {sorted(REQUIRED_INPUTS - set(inputs))}")
    for name, spec in inputs.items():
        check(isinstance(spec, dict) and isinstance(spec.get("description"), str), f"input {name} has a description")
    steps = action["runs"]["steps"]
    for step in steps:
        check(("run" in step) != ("uses" in step), f"step {step.get('name')} has exactly one of run and uses")
        if "run" in step:
            check(step.get("shell") == "bash", f"run step {step.get('name')} names its shell")
            check(not EXPRESSION.search(step["run"]), f"step {step.get('name')} keeps expressions out of its script")
    build = steps[0]["run"]
    installed = re.search(r"apt-get install[^\n]*?--no-install-recommends ([^\n]*)", build)
    check(installed and set(installed.group(1).split()) == BUILD_PACKAGES, "the build step installs exactly the packages it needs")
    check("-DMEDLINT_BUILD_TESTS=OFF" in build and "-DMEDLINT_BUILD_BENCHMARKS=OFF" in build,
          "the build step builds neither tests nor benchmarks")
    # CMake puts the binary at the top of the build folder (src/CMakeLists.txt).
    check('echo "$RUNNER_TEMP/medlint-build" >> "$GITHUB_PATH"' in build, "the build step puts the binary's folder on PATH")
    lint_runs = [step for step in steps if "run" in step and re.search(r"^\s*medlint ", step["run"], re.M)]
    check(len(lint_runs) == 1 and len(re.findall(r"^\s*medlint ", lint_runs[0]["run"], re.M)) == 1,
          "medlint runs once")

    for path in sorted((source_dir / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        check(workflow_triggers(workflow), f"{path.name} has triggers")
        for job_name, job in workflow.get("jobs", {}).items():
            check("runs-on" in job and job.get("steps"), f"{path.name}: job {job_name} has runs-on and steps")
    gate = yaml.safe_load((source_dir / ".github" / "workflows" / "content-gate.yml").read_text())
    check("pull_request_target" in workflow_triggers(gate), "the content gate takes its workflow from the base branch")
    steps = gate["jobs"]["medlint"]["steps"]
    base_checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout")
                         and "base" in step.get("with", {}).get("ref", ""))
    gate_step = next(step for step in steps if step.get("uses", "").startswith("./"))
    check(gate_step["uses"] == "./" + base_checkout["with"]["path"], "the content gate runs the base branch's Action")
    check("new-since" in gate_step["with"], "the content gate reports what is new against the base")
    return action


def expand(text, inputs, env):
    def value(match):
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression[len("inputs."):]]
        if expression == "github.action_path":
            return env["GITHUB_ACTION_PATH"]
        raise AssertionError(f"the test does not evaluate `{expression}`")
    return EXPRESSION.sub(value, text)


def run_action(action, repo, given_inputs, medlint_dir, source_dir, runner):
    """Runs the composite steps like the runner: bash -eo pipefail, the
    step's env with inputs expanded. Returns (exit code, output)."""
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given_inputs)
    for name in ("summary.md", "path", "output"):
        (runner / name).write_text("")
    env = dict(os.environ)
    env.update({
        "PATH": f"{medlint_dir}:{os.environ['PATH']}",
        "GITHUB_ACTION_PATH": str(source_dir),
        "GITHUB_WORKSPACE": str(repo),
        "RUNNER_TEMP": str(runner),
        "GITHUB_PATH": str(runner / "path"),
        "GITHUB_OUTPUT": str(runner / "output"),
        "GITHUB_STEP_SUMMARY": str(runner / "summary.md"),
        "NO_COLOR": "1",
    })
    output = ""
    for step in action["runs"]["steps"]:
        if "uses" in step:
            continue  # the SARIF upload needs GitHub
        step_env = dict(env)
        step_env.update({key: expand(str(value), inputs, env) for key, value in step.get("env", {}).items()})
        run = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo,
                             env=step_env, capture_output=True, text=True)
        output += run.stdout + run.stderr
        if run.returncode != 0:
            return run.returncode, output
    return 0, output


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def main():
    binary, source_dir = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
    try:
        import yaml
    except ImportError:
        print("skipped: python3-yaml is not installed")
        return SKIP
    action = check_metadata(source_dir, yaml)

    work = pathlib.Path(tempfile.mkdtemp(prefix="medlint-action-"))
    try:
        repo, runner = work / "repo", work / "runner"
        (repo / "content").mkdir(parents=True)
        runner.mkdir()
        shutil.copy(source_dir / "content" / "migraine.md", repo / "content" / "migraine.md")
        shutil.copy(source_dir / "content" / "dehydration.md", repo / "content" / "dehydration.md")
        git(repo, "init", "-q", "-b", "main")
        git(repo, "config", "user.email", "editor@example.org")
        git(repo, "config", "user.name", "Editor")
        git(repo, "add", ".")
        git(repo, "commit", "-qm", "library")

        git(repo, "checkout", "-qb", "clean")
        with open(repo / "content" / "dehydration.md", "a") as article:
            article.write("\nSip water slowly through the day.\n")
        git(repo, "commit", "-qam", "a safe sentence")
        code, output = run_action(action, repo, {"new-since": "main", "sarif": "true"}, binary.parent, source_dir, runner)
        check(code == 0, f"a clean pull request passes (exit {code}):\n{output}")
        check("::error" not in output, "a clean pull request gets no error annotations")
        check("No findings." in (runner / "summary.md").read_text(), "the clean run's job summary says so")

        git(repo, "checkout", "-q", "main")
        git(repo, "checkout", "-qb", "risky")
        article = repo / "content" / "migraine.md"
        text = article.read_text()
        escalation = "Call 911 or go to the emergency room if you have:"
        check(escalation in text, "the sample article has the escalation advice the test removes")
        article.write_text(text.replace(escalation, "Watch for these signs:"))
        git(repo, "commit", "-qam", "remove escalation advice")
        code, output = run_action(action, repo, {"new-since": "main", "sarif": "true"}, binary.parent, source_dir, runner)
        check(code == 1, f"a pull request removing escalation advice fails (exit {code}):\n{output}")
        lines = article.read_text().split("\n")
        red_flag_lines = [i + 1 for i, line in enumerate(lines) if "thunderclap" in line or "with a seizure" in line]
        check(len(red_flag_lines) == 2, "the sample article has the red-flag lines the test expects")
        for line in red_flag_lines:
            check(f"::error file=content/migraine.md,line={line}," in output, f"an error annotation on red-flag line {line}")
        check("::error file=content/dehydration.md" not in output, "unchanged articles are not annotated")
        summary = (runner / "summary.md").read_text()
        check("| error | `content/migraine.md:" in summary, "the job summary lists the findings in a table")
        outputs = (runner / "output").read_text()
        check(f"sarif-file={runner / 'medlint.sarif'}" in outputs, "the lint step names its SARIF file as an output")
        sarif = runner / "medlint.sarif"
        check(sarif.exists(), "the run writes a SARIF report")
        report = json.loads(sarif.read_text()) if sarif.exists() else {"runs": [{"results": []}]}
        results = report["runs"][0]["results"]
        check(any(r["ruleId"] == "safety-escalation" for r in results), "the SARIF report has the red-flag findings")
        schema_path = source_dir.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
        try:
            import jsonschema
        except ImportError:
            jsonschema = None
        if schema_path.exists() and jsonschema and sarif.exists():
            jsonschema.validate(report, json.loads(schema_path.read_text()))
            print("the SARIF report is valid against the SARIF 2.1.0 schema")
        else:
            print("schema check skipped: ../shared/schemas or python3-jsonschema is absent")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
