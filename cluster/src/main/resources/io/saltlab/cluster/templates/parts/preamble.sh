#%-- The start of every provisioning script, after its shebang line: what it is, strict mode, and
#%-- an ERR trap that names the step that failed.
# @@SUMMARY@@
# This script is @@PURPOSE@@
#
# Safe to run again (vagrant provision): each step checks what is already done. It stops at
# the first error and names the step that failed.
set -Eeuo pipefail

STEP="start"
trap 'echo "saltlab: step \"${STEP}\" failed (exit $?, line ${LINENO})" >&2' ERR
step() {
  STEP="$1"
  echo "saltlab: ${STEP}"
}
