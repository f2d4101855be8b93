"""Done-when of issue 10: the API and the site give the same figures, partners and periods for every city and
every area, because they render one read model (the practice records)."""

from __future__ import annotations


def _facts(items: list[dict]) -> list[tuple]:
    return sorted(
        (
            item.get("practice") or item.get("id"),
            tuple(sorted((f["value"], f["unit"], f.get("label") or "") for f in item.get("figures", []))),
            tuple(sorted(p["name"] for p in item.get("partners", []))),
            tuple(sorted(p["name"] for p in item.get("project_partners", []))),
            (item.get("period") or {}).get("start"),
            (item.get("period") or {}).get("end"),
        )
        for item in items
    )


def test_every_city_page_matches_the_api(site):
    cities = {r["city"] for r in site.get("/api/practices", params={"k": 100}).json()["results"]}
    assert len(cities) >= 10
    for city in sorted(cities):
        api = site.get(f"/api/cities/{city}").json()
        page = site.get(f"/citta/{city}", params={"format": "json"}).json()
        for key in ("figures", "partners", "practices", "projects"):
            assert api[key] == page[key], (city, key)
        records = {r["id"]: r for r in api["practices"]}
        for record_id, card in records.items():
            full = site.get(f"/api/practices/{record_id}").json()
            assert card["period"] == full["period"], record_id
            for f in full["figures"]:  # every figure of a record shows on its city's page
                assert any(g["value"] == f["value"] and g["unit"] == f["unit"] for g in api["figures"]), record_id


def test_every_area_is_the_same_in_the_api_the_area_page_and_the_compare_view(site):
    codes = [a["code"] for a in site.get("/interventi", params={"format": "json"}).json()["areas"]]
    for code in codes:
        api = site.get(f"/api/practices/compare/{code}").json()["practices"]
        compare = site.get(f"/pratiche/confronto/{code}", params={"format": "json"}).json()["practices"]
        area_page = site.get(f"/interventi/{code}", params={"format": "json"}).json()["cities"]
        assert _facts(api) == _facts(compare), code
        assert _facts(api) == _facts(area_page), code


def test_every_record_page_matches_the_api(site):
    ids = [r["id"] for r in site.get("/api/practices", params={"k": 100}).json()["results"]]
    for record_id in ids:
        api = site.get(f"/api/practices/{record_id}").json()
        page = site.get(f"/pratiche/{record_id}", params={"format": "json"}).json()["practice"]
        for key in ("figures", "partners", "period", "budget", "review"):
            assert api[key] == page[key], (record_id, key)
