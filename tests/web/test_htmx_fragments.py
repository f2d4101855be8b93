"""Issue 16 item 7: htmx requests (HX-Request: true) to the document and city pages answered 500
("'area_badges' is undefined": a block rendered alone does not see its template's imports)."""

from __future__ import annotations


def test_document_and_city_fragments_render(site):
    listing = site.get("/api/documents", params={"k": 50}).json()
    doc = next(d for d in listing["documents"] if d.get("city"))
    for path in (f"/documenti/{doc['doc_id']}", f"/citta/{doc['city']}"):
        full = site.get(path)
        fragment = site.get(path, headers={"HX-Request": "true"})
        assert full.status_code == 200, path
        assert fragment.status_code == 200, (path, fragment.text[:300])
        assert "<html" not in fragment.text and len(fragment.text) < len(full.text)
