"""The GitHub Action's HTML report: written and uploaded only when asked for."""

from __future__ import annotations

from tests.helpers import HOUSE_NAME_RULE as RULE
from tests.test_action import ACTION, run_step, write


def test_html_report_is_written_only_when_asked_for(tmp_path):
    workspace = tmp_path / "ws"
    write(workspace / "news" / "story.en.txt", "Vladimir Poutine spoke.\n\nSpread the love\n")
    write(workspace / "house" / "names.yaml", RULE)
    write(workspace / "tqcheck.toml", 'default-rules = false\nrules = ["house"]\n')
    asked = run_step(tmp_path / "a", workspace, {"paths": "news", "html-report": "true"})
    html = (tmp_path / "a" / "runner-temp" / "tqcheck-report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "news/story.en.txt" in html
    assert html.count('<mark id="f-') == int(asked.outputs["findings"]) > 0
    run_step(tmp_path / "b", workspace, {"paths": "news"})
    assert not (tmp_path / "b" / "runner-temp" / "tqcheck-report.html").exists()


def test_upload_step_runs_after_findings_only_when_asked_for():
    [upload] = [s for s in ACTION["runs"]["steps"]
                if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert ACTION["inputs"]["html-report"]["default"] == "false"
    assert upload["if"] == "${{ !cancelled() && inputs.html-report == 'true' }}"
    assert upload["with"]["path"] == "${{ runner.temp }}/tqcheck-report.html"
