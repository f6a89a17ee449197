#!/usr/bin/env bash
# Installs everything Gongkai Lens needs on a fresh Debian machine: Debian's Chromium (Playwright
# drives it; no browser download), CJK fonts, Tesseract's Chinese data for OCR, poppler, PostgreSQL
# (server store; tests start a private cluster), and the npm workspaces. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=()
command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || pkgs+=(fonts-noto-cjk)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || pkgs+=(tesseract-ocr-chi-sim)
command -v pdftoppm >/dev/null 2>&1 || pkgs+=(poppler-utils)
# PostgreSQL: the server database of the crawler's store (its tests start a private cluster).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || pkgs+=(postgresql)
if [ ${#pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "install: Debian packages: ${pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

echo "install: npm workspaces"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
echo "install: done ($(node_modules/.bin/gongkai --version))"
