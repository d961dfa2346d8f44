"""Changed lines from `git diff --unified=0` (the action's changed-only mode)."""

from tqcheck.changed import parse_diff

DIFF = """\
diff --git a/news/story.en.txt b/news/story.en.txt
index 1111111..2222222 100644
--- news/story.en.txt
+++ news/story.en.txt
@@ -2 +2 @@ The minister resigned.
-Vladimir Poutine spoke.
+Vladimir Putin spoke.
@@ -7,0 +8,3 @@ More text
+one
+two
+three
@@ -12,2 +14,0 @@ Deleted lines leave nothing to check
-gone
-gone too
diff --git a/new.md b/new.md
new file mode 100644
--- /dev/null
+++ new.md
@@ -0,0 +1,2 @@
+# Title
+Body
diff --git a/old.txt b/old.txt
deleted file mode 100644
--- old.txt
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
"""


def test_new_side_lines_per_file():
    assert parse_diff(DIFF) == {"news/story.en.txt": {2, 8, 9, 10}, "new.md": {1, 2}}


def test_no_diff_no_lines():
    assert parse_diff("") == {}
