"""The bundled corpus: the shipped packs find the planted defects they cover, and little else."""

import pytest

from tests.corpus_eval import CORPUS, annotated_defects, evaluate

COVERED_FAMILIES = ("names", "boilerplate", "typography")


@pytest.fixture(scope="module")
def result():
    return evaluate()


def test_corpus_shape():
    folders = [p for p in CORPUS.iterdir() if p.is_dir()]
    assert len(folders) >= 8
    with_source_and_ref = [f for f in folders if any(f.glob("source.*.txt"))
                           and any(f.glob("ref*.txt"))]
    assert len(with_source_and_ref) >= 3
    assert {f.name.split("-")[0] for f in folders} == {"fr", "de", "es"}


def test_every_annotation_points_at_real_text():
    assert all(d.spans for d in annotated_defects(CORPUS))


@pytest.mark.parametrize("family", COVERED_FAMILIES)
def test_covered_families_are_found(result, family):
    found, total = result["recall"][family]
    assert total and found == total, [d.text for d in result["missed"] if d.family == family]


def test_findings_point_at_annotated_defects(result):
    true_positives, findings = result["precision"]
    assert findings and true_positives / findings >= 0.95, result["false_positives"]
