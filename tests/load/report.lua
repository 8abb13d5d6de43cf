-- Load script for wrk: public JSON submissions (POST /api/v1/reports).
-- Run the release server with TTIS_POW_DIFFICULTY=0 and a high TTIS_RATE_SUBMIT_PER_HOUR, then:
--   wrk -t2 -c16 -d20s --latency -s tests/load/report.lua http://127.0.0.1:8181/api/v1/reports
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"reporter": {"name": "Budi Santoso", "email": "budi@example.com", "reporter_type": "researcher", "hall_of_fame": "anonymous"}, "kind": "incident", "title": "Halaman utama situs dinas diubah (deface)", "category": "web_defacement", "affected_asset": "https://disdik.kukarkab.go.id/", "discovered_at": "2026-11-28T08:30:00+08:00", "description": "Halaman utama menampilkan pesan peretas sejak pagi ini, semua menu hilang.", "ongoing": true, "personal_data_involved": false, "tlp": "amber", "declarations": {"good_faith": true, "consent": true}}'
