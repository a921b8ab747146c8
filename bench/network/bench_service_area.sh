#!/usr/bin/env bash
# Side by side: refuge-cli service-area (cold: reading + graph build; warm: graph cache;
# lines only with --output lines, like QGIS's OUTPUT_LINES, and polygons)
# and QGIS native:serviceareafromlayer on the same synthetic city, 100 facilities,
# 1 km walk; then nearest-facility cost for every node (bench_nearest_facility).
# usage: bench/network/bench_service_area.sh [BUILD_DIR] [WORK_DIR] [SIZES...]
#   e.g. bench/network/bench_service_area.sh build/net /tmp/netbench 300 700
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build/default}" && pwd)"; work="${2:-/tmp/refuge-netbench}"; shift 2 || true
sizes=("${@:-300 700}"); [ $# -eq 0 ] && sizes=(300 700)
cli="$build/bin/refuge-cli"; nearest="$build/bench/bench_nearest_facility"
tools="$root/../shared/tools"
mkdir -p "$work"; cd "$work"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}

measure() { # measure LABEL CMD... → prints "LABEL WALL_S PEAK_KB CPU_S"
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o time.txt "$@" > run.log 2>&1 || { echo "$label failed:"; tail -5 run.log; return 1; }
  read -r secs kb user sys < time.txt
  echo "$label $secs $kb $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

for n in "${sizes[@]}"; do
  city="city$n.gpkg"
  [ -f "$city" ] || /usr/bin/python3 "$tools/synthetic_city.py" "$n" 100 "$city" > /dev/null
  rm -rf "cache$n" "out$n" "cachel$n" "outl$n"
  run=("$cli" service-area --network "$city:roads" --facilities "$city:shelters" --max-meters 1000 --profile walk)
  cold=$(measure cold "${run[@]}" --out "out$n" --cache-dir "cache$n")
  warm=$(measure warm "${run[@]}" --out "out$n" --cache-dir "cache$n")
  # Lines only (--output lines): the like-for-like comparison with QGIS's OUTPUT_LINES.
  coldl=$(measure coldl "${run[@]}" --output lines --out "outl$n" --cache-dir "cachel$n")
  warml=$(measure warml "${run[@]}" --output lines --out "outl$n" --cache-dir "cachel$n")
  if [ -f "qgis$n.txt" ]; then q=$(cat "qgis$n.txt"); else
    q=$(measure qgis "$tools/qgis_service_area.sh" "$city|layername=roads" "$city|layername=shelters" 1000 32651 "qgis$n.geojson" \
        || echo "qgis 0 0"); echo "$q" > "qgis$n.txt"; fi
  read -r _ cs ckb ccpu <<< "$cold"; read -r _ ws wkb wcpu <<< "$warm"; read -r _ qs qkb qcpu <<< "$q"
  read -r _ cls clkb clcpu <<< "$coldl"; read -r _ wls wlkb wlcpu <<< "$warml"
  edges=$(ogrinfo -ro -so "$city" roads | sed -n 's/Feature Count: //p')
  echo "== N=$n ($edges edges, 100 facilities, 1 km walk)"
  echo "  (machine load: $(cut -d' ' -f1-3 /proc/loadavg); wall and CPU seconds)"
  printf "  %-34s %8s s wall %8s s CPU %9s KB peak\n" "QGIS serviceareafromlayer (lines)" "$qs" "${qcpu:-?}" "$qkb" \
    "refuge lines cold (read+build)" "$cls" "$clcpu" "$clkb" "refuge lines warm (graph cache)" "$wls" "$wlcpu" "$wlkb" \
    "refuge polygons cold (read+build)" "$cs" "$ccpu" "$ckb" "refuge polygons warm (graph cache)" "$ws" "$wcpu" "$wkb"
  ratios() { # ratios LABEL COLD_S COLD_CPU COLD_KB WARM_S WARM_CPU WARM_KB
    awk -v l="$1" -v q="$qs" -v qc="${qcpu:-0}" -v qk="$qkb" -v c="$2" -v cc="$3" -v ck="$4" -v w="$5" -v wc="$6" -v wk="$7" 'BEGIN {
      if (q > 0) printf "  %-9s speed-up wall cold %.1fx, warm %.1fx; CPU cold %s, warm %s; memory cold %.2f, warm %.2f of QGIS\n", l, q/c, q/w,
        (qc > 0 ? sprintf("%.1fx", qc/cc) : "?"), (qc > 0 ? sprintf("%.1fx", qc/wc) : "?"), ck/qk, wk/qk }'
  }
  ratios lines: "$cls" "$clcpu" "$clkb" "$wls" "$wlcpu" "$wlkb"
  ratios polygons: "$cs" "$ccpu" "$ckb" "$ws" "$wcpu" "$wkb"
  python3 -c "import json; s=json.load(open('out$n/summary.json')); print('  refuge warm polygons: setup %.3f s, analysis %.3f s, total %.3f s (in the process)' % (s['setup_seconds'], s['analysis_seconds'], s['total_seconds']))"
  python3 -c "import json; s=json.load(open('outl$n/summary.json')); print('  refuge warm lines: setup %.3f s, analysis %.3f s, total %.3f s (in the process)' % (s['setup_seconds'], s['analysis_seconds'], s['total_seconds']))"
  # The floor of any run: a process that loads the same libraries and does nothing
  # (Debian's libgdal alone pulls in ~110 shared libraries).
  best=9; for _ in 1 2 3 4 5; do read -r _ t _ _ <<< "$(measure startup "$cli" --version)"; best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }'); done
  echo "  process start-up and exit (refuge-cli --version, best of 5): $best s wall"
  [ -x "$nearest" ] && "$nearest" "$city:roads" "$city:shelters" "cache$n" || true
done
