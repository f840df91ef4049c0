"""Tables and raw HTML in the live kiosk: search finds a cell and lands on
its row; a resize keeps the row at the top whether the table is drawn as a
grid or as records; a video frame is a link a patient can take home."""

import re

ROWS = 40


def table_article():
    rows = "\n".join(
        f"| Service {i} | 0800 {1000 + i} | Call on weekday {i} mornings |"
        for i in range(1, ROWS + 1))
    rows = rows.replace("| Service 31 |", "| Podiatry |")
    return ("---\ntitle: Services\n---\n\n"
            "The services you can call, and when.\n\n"
            "| Service | Phone | When to call |\n|---|---|---|\n" + rows + "\n\n"
            "After the table.\n")


def open_services(spawn, make_content, cols=100, rows=24):
    c = make_content({"a.md": table_article()})
    k = spawn(["--content", c], cols=cols, rows=rows)
    k.wait_for("Services")
    k.send("enter")
    k.wait_for("The services you can call")
    return k


def test_search_finds_a_cell_and_lands_on_its_row(spawn, make_content):
    c = make_content({"a.md": table_article()})
    k = spawn(["--content", c], cols=100, rows=24)
    k.wait_for("Services")
    k.send("/", *"podiatry")
    k.wait_for(r"1 result")
    k.send("enter")
    k.wait_for(r"Podiatry")
    row, _ = k.must_find("Podiatry")
    line = k.lines()[row]
    # the row reads across: the cell's own phone and time are beside it
    assert "0800 1031" in line and "weekday 31" in line, k.failure("the row is not whole")
    assert "|---" not in k.text() and "| Service" not in k.text()


def test_resize_keeps_the_row_as_grid_or_records(spawn, make_content):
    k = open_services(spawn, make_content)
    for _ in range(20):
        k.send("down")
    k.wait_quiet()
    m = re.search(r"Service (\d+)", "\n".join(k.lines()[1:4]))
    assert m, k.failure("expected table rows at the top")
    top = f"Service {m.group(1)}"
    # 40 columns: the three columns cannot be read side by side
    k.resize(40, 24)
    k.wait_quiet()
    assert k.find("Service: " + top), k.failure("at 40 columns rows should be records")
    row, _ = k.must_find("Service: " + top)
    assert row <= 4, k.failure(f"{top} moved to row {row} at 40 columns")
    k.resize(100, 24)
    k.wait_quiet()
    row, _ = k.must_find(top + " ")
    assert row <= 4, k.failure(f"{top} moved to row {row} back at 100 columns")


def test_video_frame_is_a_link_to_take_home(spawn, make_content):
    url = "https://video.example/watch/inhaler-1"
    c = make_content({"a.md": "---\ntitle: Inhalers\n---\n\nWatch this first.\n\n"
                      f"<iframe src=\"{url}\" title=\"Using your inhaler\"></iframe>\n"})
    k = spawn(["--content", c], cols=100, rows=30)
    k.wait_for("Inhalers")
    k.send("enter")
    k.wait_for("Video: Using your inhaler")
    k.send("tab", "u")
    k.wait_for(re.escape(url))
    k.must_find("Point your phone's camera at this code.")
