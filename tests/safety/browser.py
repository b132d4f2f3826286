"""Loading a page in headless Chromium and reporting whether anything in it ran.

Why a hook before the page's own code: the hostile corpus calls ``alert(...)`` from
``<script>``, ``onerror`` and ``javascript:`` payloads; if any of them ran, the hook
records it. After the page has loaded, a probe writes what it found into the DOM (the
hook's record, every live link, the SVG label texts and the action table's cells), and
``--dump-dom`` hands that back.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

HOOK = """<script>
window.__ran = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = function (value) { window.__ran.push(name + ":" + value); };
}
</script>"""

PROBE = """<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    const texts = (selector) => Array.from(document.querySelectorAll(selector))
      .map((node) => node.textContent);
    const links = Array.from(document.querySelectorAll("a"))
      .map((a) => a.getAttribute("href") || a.getAttribute("xlink:href") || "")
      .filter((href) => href !== "");
    const out = {ran: window.__ran, links: links, labels: texts("svg text"),
                 cells: texts("#actions td")};
    const pre = document.createElement("pre");
    pre.id = "probe";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 1000);
});
</script>"""


def render_in_chromium(page: Path, profile: Path) -> dict:
    """What the probe found in ``page`` once Chromium had loaded and run it."""
    text = page.read_text(encoding="utf-8")
    head = re.search(r"<head[^>]*>", text, re.I)
    assert head, "the page has no <head>"
    probed = page.with_name("probed-" + page.name)
    probed.write_text(text[:head.end()] + HOOK + text[head.end():].replace(
        "</body>", PROBE + "</body>"), encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
               "--virtual-time-budget=10000", "--dump-dom", probed.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, "the probe did not finish: " + done.stderr[-2000:]
    return json.loads(html.unescape(found.group(1)))
