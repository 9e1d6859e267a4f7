#!/usr/bin/env bash
# Copies the dashboard's chart library from npm into ../wwwroot/lib, where it is committed: the build and CI never
# run npm. Run it once after changing the version in package.json, then commit package-lock.json and wwwroot/lib.
# npm ci checks each package against the integrity hash in package-lock.json. The standalone build bundles its one
# dependency, fancy-canvas (MIT, also by TradingView, shipping no licence file of its own): VENDORED.txt records it.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f package-lock.json ]; then
  # A new version: write the lock, without the download URLs (npm finds the packages by name and version).
  npm install --package-lock-only --ignore-scripts --no-audit --no-fund
  node -e "const f='package-lock.json',l=require('./'+f);for(const p of Object.values(l.packages))delete p.resolved;require('fs').writeFileSync(f,JSON.stringify(l,null,2)+'\n')"
fi
npm ci --ignore-scripts --no-audit --no-fund
lib=../wwwroot/lib
charts=node_modules/lightweight-charts
version=$(node -p "require('./$charts/package.json').version")
canvas=$(node -p "require('./node_modules/fancy-canvas/package.json').version")
cp "$charts/dist/lightweight-charts.standalone.production.js" "$lib/lightweight-charts.standalone.production.js"
cp "$charts/LICENSE" "$lib/lightweight-charts.LICENSE"
{
  echo "lightweight-charts $version (npm, Apache-2.0): dist/lightweight-charts.standalone.production.js, LICENSE."
  echo "It bundles fancy-canvas $canvas (npm, MIT per its package.json; no licence file shipped). Copied by ../../frontend/vendor.sh."
} > "$lib/VENDORED.txt"
rm -rf node_modules
echo "vendored lightweight-charts $version into wwwroot/lib"
