"""Shell completion through the installed command, as a shell asks for it: the script
`careerstats completion SHELL` prints, and the answers to the requests it makes
(`_CAREERSTATS_COMPLETE=complete_bash` with `COMP_WORDS` and `COMP_CWORD`; zsh and fish with
`_TYPER_COMPLETE_ARGS`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run

COMMAND = Path(sys.executable).with_name("careerstats")


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMP_", "_CAREERSTATS"))}
    return {**clean, **extra}


def bash_completes(line: str) -> list[str]:
    """What careerstats answers bash for the last word of `line` (a trailing space: a new
    word)."""
    words = line.split(" ")
    done = subprocess.run(
        [str(COMMAND)],
        env=environment(
            _CAREERSTATS_COMPLETE="complete_bash",
            COMP_WORDS=line,
            COMP_CWORD=str(len(words) - 1),
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    return [line for line in done.stdout.splitlines() if line]  # nothing: one empty line


def test_completion_completes_commands_and_options() -> None:
    assert bash_completes("careerstats co") == ["compare", "convert", "completion"]
    assert bash_completes("careerstats t") == ["top", "takehome"]
    assert bash_completes("careerstats top --max") == ["--max-education"]
    assert "--in-dollars-of" in bash_completes("careerstats compare cs --")


def test_completion_completes_periods_statistics_levels_and_education() -> None:
    assert bash_completes("careerstats convert 14.36 --to we") == ["week"]
    assert bash_completes("careerstats rank cs 40000 --per h") == ["hour"]
    assert bash_completes("careerstats top --per ") == ["hour", "year"]
    assert bash_completes("careerstats top --by p") == ["p10", "p25", "p75", "p90"]
    assert bash_completes("careerstats list --level b") == ["broad"]
    assert bash_completes("careerstats top --max-education ba") == ["bachelor\\'s"]
    assert bash_completes("careerstats top --group 15") == ["15-0000", "15-1200", "15-2000"]


def test_completion_completes_source_ids() -> None:
    assert bash_completes("careerstats compare cs --source oews-201") == [
        f"oews-{year}" for year in range(2019, 2012, -1)
    ]
    assert bash_completes("careerstats top --source pay") == ["payscale"]


def test_completion_completes_careers_by_alias_code_and_title() -> None:
    assert bash_completes("careerstats show 15-125") == [
        "15-1250", "15-1251", "15-1252", "15-1253", "15-1254", "15-1255",
    ]  # fmt: skip
    # A title is one word for bash: its spaces escaped.
    assert "software\\ developers" in bash_completes("careerstats compare software")
    assert bash_completes("careerstats history regist") == ["registered\\ nurses"]
    aliases = bash_completes("careerstats compare cs c")
    assert {"cs", "csr", "cashier", "customer-service-representatives"} <= set(aliases)
    # What was typed is kept as typed, whatever its case.
    assert bash_completes("careerstats rank Registered") == ["Registered\\ nurses"]
    assert bash_completes("careerstats show zzzz") == []


def test_completion_completes_the_areas_of_imported_data(files: Path, run: Run) -> None:
    assert bash_completes("careerstats compare cs --area T") == []  # nothing imported
    path = fx.write_csv(files / "all_data_M_2022.csv", fx.NATIONAL_COLUMNS, fx.all_data_rows())
    assert run("data", "import", path).exit_code == 0
    assert bash_completes("careerstats compare cs --area Tex") == ["Texas"]
    assert bash_completes("careerstats show cs --area 4") == ["48"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_completion_answers_zsh_and_fish(shell: str) -> None:
    extra = {"_TYPER_COMPLETE_FISH_ACTION": "get-args"} if shell == "fish" else {}
    done = subprocess.run(
        [str(COMMAND)],
        env=environment(
            _CAREERSTATS_COMPLETE=f"complete_{shell}",
            _TYPER_COMPLETE_ARGS="careerstats show registered",
            **extra,
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    expected = {
        "zsh": "_arguments '*: :((\"registered nurses\"))'\n",
        "fish": "registered nurses\n",
    }
    assert done.stdout == expected[shell]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script_for_each_shell(shell: str) -> None:
    done = subprocess.run(
        [str(COMMAND), "completion", shell],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"_CAREERSTATS_COMPLETE=complete_{shell}" in done.stdout
    last = {
        "bash": "complete -o default -F _careerstats_completion careerstats\n",
        "zsh": "compdef _careerstats_completion careerstats\n",
        "fish": "",
    }
    assert done.stdout.endswith(last[shell])
    if shell == "fish":
        assert done.stdout.startswith("complete --command careerstats --no-files")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_completion_script_works_in_bash(tmp_path: Path) -> None:
    """The printed script, sourced in a real bash, fills COMPREPLY for a line."""
    script = tmp_path / "careerstats.bash"
    done = subprocess.run([str(COMMAND), "completion", "bash"], capture_output=True, text=True)
    script.write_text(done.stdout)
    probe = (
        f"source {script}; COMP_WORDS=(careerstats show softw); COMP_CWORD=2; "
        "_careerstats_completion careerstats; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    path = f"{COMMAND.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    shown = subprocess.run(
        ["bash", "--norc", "-c", probe],
        env={**environment(), "PATH": path},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert shown.stdout.splitlines() == [
        "software\\ and\\ web\\ developers,\\ programmers,\\ and\\ testers",
        "software\\ developers",
        "software\\ quality\\ assurance\\ analysts\\ and\\ testers",
    ]


def test_R15_completion_for_an_unknown_shell(run: Run) -> None:
    result = run("completion", "powershell")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careerstats: error: completion scripts are for bash, zsh and fish, not 'powershell'\n"
    )
