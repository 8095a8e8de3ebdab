#!/usr/bin/env bash
# Build-time only: compile GOV.UK Frontend (v6) assets into ../static/govuk/.
#
# Requires node >= 20.19 and npm. Usage (from anywhere):
#   frontend/build.sh
#
# Produces (committed to the repo; node_modules/ is not):
#   static/govuk/application.css              compiled from scss/application.scss
#   static/govuk/govuk-frontend.min.js(.map)  GOV.UK Frontend ES module bundle
#   static/govuk/assets/manifest.json
#   static/govuk/assets/images/*              favicons, icons, crest (used by CSS)
# GDS Transport fonts are deliberately NOT copied (service is not on GOV.UK).
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="$(cd "${FRONTEND_DIR}/.." && pwd)/static/govuk"
GOVUK_DIST="${FRONTEND_DIR}/node_modules/govuk-frontend/dist/govuk"

cd "${FRONTEND_DIR}"

# Exact versions from package-lock.json; no install scripts needed.
npm ci --ignore-scripts --no-audit --no-fund

rm -rf "${OUT_DIR}"
mkdir -p "${OUT_DIR}/assets/images"

# CSS
npx --no-install sass \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  scss/application.scss "${OUT_DIR}/application.css"

# JS (ES module) + its source map (the .min.js references it via
# sourceMappingURL, which Django's ManifestStaticFilesStorage resolves).
cp "${GOVUK_DIST}/govuk-frontend.min.js" "${GOVUK_DIST}/govuk-frontend.min.js.map" "${OUT_DIR}/"

# Images + web app manifest (no fonts).
cp "${GOVUK_DIST}/assets/manifest.json" "${OUT_DIR}/assets/"
cp "${GOVUK_DIST}/assets/images/"* "${OUT_DIR}/assets/images/"

# Sanity checks: no GDS Transport, no font files, every url() resolves.
if grep -qiE 'GDS Transport|\.woff2?' "${OUT_DIR}/application.css"; then
  echo "ERROR: application.css references GDS Transport / font files" >&2
  exit 1
fi
missing=0
while IFS= read -r ref; do
  case "${ref}" in data:*|http:*|https:*|//*|\#*) continue ;; esac
  path="${ref%%[?#]*}"
  if [[ ! -f "${OUT_DIR}/${path}" ]]; then
    echo "ERROR: application.css references missing file: ${ref}" >&2
    missing=1
  fi
done < <(grep -oE 'url\([^)]*\)' "${OUT_DIR}/application.css" \
           | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u)
[[ "${missing}" -eq 0 ]]

echo "Built GOV.UK Frontend $(node -p 'require("govuk-frontend/package.json").version') into ${OUT_DIR}:"
find "${OUT_DIR}" -type f -printf '%8s  %P\n' | sort -k2
