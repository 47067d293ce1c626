#!/usr/bin/env bash
# Layout checks, cheap enough to run before anything is built (scripts/test.sh does):
# - C#: CSharpier, whose print width is .editorconfig's max_line_length (140); EF migrations are left as generated.
# - C#: no line over 140 characters. A formatter cannot break a long string or comment, so this check holds the line.
# - UI: Prettier (web/.prettierrc, printWidth 140) and the same 140-character check (web/scripts/check-lines.mjs).
# To fix: `dotnet csharpier format .` at the root, `npx prettier --write src e2e scripts` in web/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
failed=0

dotnet tool restore >/dev/null
dotnet csharpier check . || { echo "lint: C# layout differs; run 'dotnet csharpier format .'" >&2; failed=1; }

long=$(git ls-files -- '*.cs' ':!:**/Migrations/**' | xargs awk 'length > 140 { printf "%s:%d: %d characters\n", FILENAME, FNR, length }')
if [ -n "$long" ]; then
  echo "$long" >&2
  echo "lint: C# lines over 140 characters" >&2
  failed=1
fi

(cd web && npm run --silent lint:format) || failed=1
exit $failed
