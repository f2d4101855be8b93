"""Network membership: read from the documents of corpus/, each phase with its sources."""

from __future__ import annotations

from pathlib import Path

from lgnet.gazetteer import Gazetteer
from lgnet.network import Network

REPO = Path(__file__).resolve().parents[2]


def test_every_source_quote_is_in_its_file_and_names_its_cities():
    network = Network.default()
    g = Gazetteer.default()
    for phase, sources in network.sources.items():
        assert sources, phase
        for s in sources:
            text = " ".join((REPO / s.file).read_text(encoding="utf-8").split())
            assert s.quote in text, (phase, s.file)
            assert sorted(g.cities_in(s.quote)) == sorted(s.cities)
            assert all(g.get(c) and g.get(c).name == c for c in s.cities)


def test_phases_and_members():
    network = Network.default()
    assert len(network.cities("LGNet2")) == 16
    assert len(network.cities("LGNet3")) == 22
    assert {"Venezia", "Cagliari", "Catanzaro", "Campobasso", "Aosta"} <= set(network.cities("LGNet3"))
    assert network.phases_of("Torino") == ["LGNetEA", "LGNet2", "LGNet3"]
    assert network.phases_of("Venezia") == ["LGNet3"]
    assert network.phases_of("Riace") == [] and not network.is_member("Riace")
    # Bari: only the Firenze project sheet lists it for LGNetEA (the presentation names 18 cities without it)
    assert "Bari" in network.cities("LGNetEA")
