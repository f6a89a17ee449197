#!/usr/bin/env bash
# Installs everything Gongkai Lens needs on a fresh Debian machine, then checks it:
#   Debian: chromium (Playwright drives it; never a browser download), fonts-noto-cjk, tesseract's
#   Chinese and English OCR data, poppler-utils, postgresql (server store; tests start a private
#   cluster); npm: the workspaces, then the CLI build (crawler/dist).
# Safe to run again. Ends with a check of every runtime dependency and fails naming what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TESSDATA=/usr/share/tesseract-ocr/5/tessdata

pkgs=()
command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || pkgs+=(fonts-noto-cjk)
# OCR reads with chi_sim + eng (shared/src/extract/ocr/engine.ts says why both).
[ -f "$TESSDATA/chi_sim.traineddata" ] || pkgs+=(tesseract-ocr-chi-sim)
[ -f "$TESSDATA/eng.traineddata" ] || pkgs+=(tesseract-ocr-eng)
command -v pdftoppm >/dev/null 2>&1 || pkgs+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || pkgs+=(postgresql)
if [ ${#pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install: Debian packages: ${pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

echo "install: npm workspaces"
# postinstall builds the CLI (scripts/build-cli.mjs).
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error

# Check what was promised, each with the piece that is missing.
missing=()
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=18)?0:1)' \
  || missing+=("Node.js >= 20.18 (found $(node --version))")
if ! chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
     --no-first-run --disable-sync --user-data-dir="$(mktemp -d)" --dump-dom 'data:text/html,<p>ok</p>' 2>/dev/null | grep -q '<p>ok</p>'; then
  missing+=("chromium does not run headless (/usr/bin/chromium; Debian package chromium)")
fi
fc-list :lang=zh family 2>/dev/null | grep -qi 'noto' || missing+=("CJK fonts (Debian package fonts-noto-cjk)")
for lang in chi_sim eng; do
  [ -f "$TESSDATA/$lang.traineddata" ] || missing+=("$TESSDATA/$lang.traineddata (Debian package tesseract-ocr-${lang//_/-})")
done
command -v pdftoppm >/dev/null 2>&1 || missing+=("pdftoppm (Debian package poppler-utils)")
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=("initdb (Debian package postgresql)")
[ -f crawler/dist/cli.js ] || missing+=("crawler/dist/cli.js (the CLI build: node scripts/build-cli.mjs)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: FAILED, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "install: checked chromium, fonts, OCR data (chi_sim, eng), pdftoppm, initdb, CLI build"
echo "install: done ($(node_modules/.bin/gongkai --version))"
