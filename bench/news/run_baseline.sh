#!/usr/bin/env bash
# Run the Python news baseline: run_baseline.sh CORPUS.jsonl [LIMIT [BASELINE_OPTIONS...]]
# (options such as --shingle 3 --bands 32 --similar 0.3 go to baseline.py as they are).
# Only the baseline's JSON goes to stdout; all setup noise goes to stderr.
set -euo pipefail

die() { echo "run_baseline.sh: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: run_baseline.sh CORPUS.jsonl [LIMIT [BASELINE_OPTIONS...]]"
corpus=$1
limit=${2:-2000}
shift $(($# >= 2 ? 2 : 1))
[ -r "$corpus" ] || die "cannot read corpus '$corpus'"
[[ $limit =~ ^[0-9]+$ ]] || die "LIMIT must be a whole number, got '$limit'"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=${PYTHON:-python3}
venv=${PANTAU_BENCH_VENV:-$HOME/.cache/pantau/news-bench-venv}

command -v "$python" >/dev/null 2>&1 ||
    die "'$python' not found: install Python >= 3.11 (or set PYTHON=/path/to/python3)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "$("$python" -V 2>&1) is too old: the pinned packages need Python >= 3.11"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating virtualenv $venv" >&2
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv" >&2 ||
        die "could not create a virtualenv with '$python -m venv' (on Debian/Ubuntu: apt-get install python3-venv)"
fi
"$venv/bin/python" -m pip --version >/dev/null 2>&1 ||
    die "pip is missing in $venv (on Debian/Ubuntu: apt-get install python3-pip python3-venv, then delete $venv)"

# Reinstall only when requirements.txt changed since the last successful install.
stamp="$venv/.pantau-requirements"
if ! cmp -s "$here/requirements.txt" "$stamp"; then
    echo "installing $here/requirements.txt into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r "$here/requirements.txt" >&2 || die "pip install failed"
    cp "$here/requirements.txt" "$stamp"
fi

exec "$venv/bin/python" "$here/baseline.py" "$corpus" --limit "$limit" "$@"
