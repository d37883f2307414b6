"""Benchmark of secret and personal-data detection on the labelled closure notes.

    .venv/bin/python bench/secret_detection.py [--data ../shared/data/closure_notes]
        [--batches a b c d blind1 blind2]
    .venv/bin/python bench/secret_detection.py --blind [FILE]   # a file no one has read, once

Note-level recall and precision of ``labels.secret`` and ``labels.personal_data``
(GUIDE.md in the data folder defines them) for each batch of 100 notes and the 160
of the first blind file (``blind1``, bench/data/closure_notes_blind.jsonl, the
session-4 test, training data since session 5) and the 160 of the second
(``blind2``, bench/data/closure_notes_blind2.jsonl, the session-5 test, read for its
secrets and personal data after that test), with the
mean and the worst batch, side by side for three methods in one run:

- ``detect-secrets``: detect-secrets 1.5 alone, every default plugin, ``scan_line``
  on each line under ``default_settings()``; a high-entropy hit counts only above
  the plugin's own limit (the ``scan --string`` verdict). It has no personal-data
  detectors, so its personal-data cells are empty.
- ``before``: the detector on main before issue 15 (a copy in
  ``bench/baselines/hygiene_main.py``).
- ``kbassist rules``: ``kbassist.hygiene`` without its token model (detect-secrets plus
  the MSP detectors), the detector as it stood until session 7.
- ``kbassist``: ``kbassist.hygiene`` as shipped: the rules plus the token model
  (models/secret-tokens, trained by bench/secret_tokens.py on every labelled value).

Then throughput (notes per second, CPU and wall) of each method on all the notes.

Beside the batches, the same methods on ``tests/data/secrets_variants.jsonl``: notes
written by hand in four rounds (session 3), each measured once on the rules of its
time before the rules were changed for it; ``VARIANT_FRESH`` keeps those first
figures, and the figures this run prints for the set are tuned, like batches a-c.
The set also says which values must be masked: the share of its notes whose every
value is gone from ``mask`` is reported for kbassist.

The detectors are rules: nothing is fitted to a batch, so a leave-one-batch-out
evaluation is the per-batch evaluation. What differs between batches is what the
developers saw, recorded in ``SEEN`` and printed with the figures: batches a-c
were read while the rules were refined (their figures are tuned, not results);
batch d was held out until session 3 and read in session 4; blind1 was the session-4
test and was read in session 5; blind2 and blind3 (secrets only) were the session-5
tests, blind4-7 (secrets only) the session-6 tests and blind8-16 the session-7 tests;
their secret and personal-data errors were read right after them. No batch is a test any
more: every figure here is a development figure (the next test needs a new blind file).

Prints a table and writes bench/results/secrets.json. ``run(data_dir)`` returns the
same dictionary for bench/quality.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _env import RESULTS_DIR, ROOT, data_dir

DEFAULT_DATA = data_dir("closure_notes")
RESULTS = RESULTS_DIR / "secrets.json"
BATCHES = (
    "a", "b", "c", "d", "blind1", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
    "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15",
    "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23",
    "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31",
    "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39",
    "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47",
    "blind48", "blind49", "blind50", "blind51", "blind52", "blind53", "blind54", "blind55",
    "blind56", "blind57", "blind58", "blind59", "blind60", "blind61", "blind62", "blind63",
    "blind64", "blind65", "blind66", "blind67", "blind68", "blind69", "blind70", "blind71",
    "blind72", "blind73", "blind74", "blind75", "blind76", "blind77", "blind78", "blind79",
    "blind80", "blind81", "blind82", "blind83", "blind84", "blind85", "blind86", "blind87",
    "blind88", "blind89", "blind90", "blind91", "blind92", "blind93", "blind94", "blind95",
    "blind96", "blind97", "blind98", "blind99", "blind100", "blind101", "blind102",
    "blind103", "blind104", "blind105", "blind106", "blind107", "blind108", "blind109",
    "blind110", "blind111", "blind112", "blind113", "blind114", "blind115", "blind116",
    "blind117", "blind118", "blind119", "blind120", "blind121", "blind122",
    "blind123", "blind124", "blind125", "blind126", "blind127", "blind128", "blind129",
    "blind130", "blind131", "blind132", "blind133", "blind134", "blind135", "blind136",
    "blind137", "blind138", "blind139", "blind140", "blind141", "blind142",
    "blind143", "blind144", "blind145", "blind146", "blind147", "blind148",
    "blind149", "blind150", "blind151", "blind152",
    "blind153", "blind154", "blind155", "blind156",
    "blind157", "blind158", "blind159", "blind160",
    "blind161", "blind162", "blind163", "blind164",
    "blind165", "blind166", "blind167", "blind168",
    "blind169", "blind170", "blind171", "blind172",
    "blind173", "blind174", "blind175", "blind176",
    "blind177", "blind178", "blind179", "blind180",
    "blind181", "blind182", "blind183", "blind184",
    "blind185", "blind186", "blind187", "blind188",
    "blind189", "blind190", "blind191", "blind192",
    "blind193", "blind194", "blind195", "blind196",
    "blind197", "blind198", "blind199", "blind200",
    "blind201", "blind202", "blind203", "blind204",
    "blind205", "blind206", "blind207", "blind208",
    "blind209", "blind210", "blind211", "blind212",
    "blind213", "blind214", "blind215", "blind216",
    "blind217", "blind218", "blind219", "blind220",
    "blind221", "blind222", "blind223", "blind224",
    "blind225", "blind226", "blind227", "blind228",
    "blind229", "blind230", "blind231", "blind232",
    "blind233", "blind234", "blind235", "blind236",
    "blind237", "blind238", "blind239", "blind240",
    "blind241", "blind242", "blind243", "blind244",
    "blind245", "blind246", "blind247", "blind248",
    "blind249", "blind250", "blind251", "blind252",
    "blind253", "blind254", "blind255", "blind256",
    "blind257", "blind258", "blind259", "blind260",
    "blind261", "blind262", "blind263", "blind264",
    "blind265", "blind266", "blind267", "blind268",
    "blind269", "blind270", "blind271", "blind272",
    "blind273", "blind274", "blind275", "blind276",
    "blind277", "blind278", "blind279", "blind280",
    "blind281", "blind282", "blind283", "blind284",
    "blind285", "blind286", "blind287", "blind288",
    "blind289", "blind290", "blind291", "blind292",
    "blind293", "blind294", "blind295", "blind296",
    "blind297", "blind298", "blind299", "blind300",
    "blind301", "blind302", "blind303", "blind304",
    "blind305", "blind306", "blind307", "blind308",
    "blind309", "blind310", "blind311", "blind312",
    "blind313", "blind314", "blind315", "blind316",
    "blind317", "blind318", "blind319", "blind320",
    "blind321", "blind322", "blind323", "blind324",
    "blind325", "blind326", "blind327", "blind328",
    "blind329", "blind330", "blind331", "blind332",
    "blind333", "blind334", "blind335", "blind336",
    "blind337", "blind338", "blind339", "blind340",
    "blind341", "blind342", "blind343", "blind344",
    "blind345", "blind346", "blind347", "blind348",
    "blind349", "blind350", "blind351", "blind352",
    "blind353", "blind354", "blind355", "blind356",
    "blind357", "blind358", "blind359", "blind360",
    "blind361", "blind362", "blind363", "blind364",
    "blind365", "blind366", "blind367", "blind368",
    "blind369", "blind370", "blind371", "blind372",
    "blind373", "blind374", "blind375", "blind376",
    "blind377", "blind378", "blind379", "blind380",
    "blind381", "blind382", "blind383", "blind384",
    "blind385", "blind386", "blind387", "blind388",
)  # fmt: skip
# The blind files: each a test once (sessions 4 and 5), then read, a batch of its own since.
BLIND = {
    "blind1": ROOT / "bench" / "data" / "closure_notes_blind.jsonl",
    "blind2": ROOT / "bench" / "data" / "closure_notes_blind2.jsonl",
    "blind3": ROOT / "bench" / "data" / "secrets_blind3.jsonl",
    "blind4": ROOT / "bench" / "data" / "secrets_blind4.jsonl",
    "blind5": ROOT / "bench" / "data" / "secrets_blind5.jsonl",
    "blind6": ROOT / "bench" / "data" / "secrets_blind6.jsonl",
    "blind7": ROOT / "bench" / "data" / "secrets_blind7.jsonl",
    "blind8": ROOT / "bench" / "data" / "secrets_blind8.jsonl",
    "blind9": ROOT / "bench" / "data" / "secrets_blind9.jsonl",
    "blind10": ROOT / "bench" / "data" / "secrets_blind10.jsonl",
    "blind11": ROOT / "bench" / "data" / "secrets_blind11.jsonl",
    "blind12": ROOT / "bench" / "data" / "secrets_blind12.jsonl",
    "blind13": ROOT / "bench" / "data" / "secrets_blind13.jsonl",
    "blind14": ROOT / "bench" / "data" / "secrets_blind14.jsonl",
    "blind15": ROOT / "bench" / "data" / "secrets_blind15.jsonl",
    "blind16": ROOT / "bench" / "data" / "secrets_blind16.jsonl",
    "blind17": ROOT / "bench" / "data" / "secrets_blind17.jsonl",
    "blind18": ROOT / "bench" / "data" / "secrets_blind18.jsonl",
    "blind19": ROOT / "bench" / "data" / "secrets_blind19.jsonl",
    "blind20": ROOT / "bench" / "data" / "secrets_blind20.jsonl",
    "blind21": ROOT / "bench" / "data" / "secrets_blind21.jsonl",
    "blind22": ROOT / "bench" / "data" / "secrets_blind22.jsonl",
    "blind23": ROOT / "bench" / "data" / "secrets_blind23.jsonl",
    "blind24": ROOT / "bench" / "data" / "secrets_blind24.jsonl",
    "blind25": ROOT / "bench" / "data" / "secrets_blind25.jsonl",
    "blind26": ROOT / "bench" / "data" / "secrets_blind26.jsonl",
    "blind27": ROOT / "bench" / "data" / "secrets_blind27.jsonl",
    "blind28": ROOT / "bench" / "data" / "secrets_blind28.jsonl",
    "blind29": ROOT / "bench" / "data" / "secrets_blind29.jsonl",
    "blind30": ROOT / "bench" / "data" / "secrets_blind30.jsonl",
    "blind31": ROOT / "bench" / "data" / "secrets_blind31.jsonl",
    "blind32": ROOT / "bench" / "data" / "secrets_blind32.jsonl",
    "blind33": ROOT / "bench" / "data" / "secrets_blind33.jsonl",
    "blind34": ROOT / "bench" / "data" / "secrets_blind34.jsonl",
    "blind35": ROOT / "bench" / "data" / "secrets_blind35.jsonl",
    "blind36": ROOT / "bench" / "data" / "secrets_blind36.jsonl",
    "blind37": ROOT / "bench" / "data" / "secrets_blind37.jsonl",
    "blind38": ROOT / "bench" / "data" / "secrets_blind38.jsonl",
    "blind39": ROOT / "bench" / "data" / "secrets_blind39.jsonl",
    "blind40": ROOT / "bench" / "data" / "secrets_blind40.jsonl",
    "blind41": ROOT / "bench" / "data" / "secrets_blind41.jsonl",
    "blind42": ROOT / "bench" / "data" / "secrets_blind42.jsonl",
    "blind43": ROOT / "bench" / "data" / "secrets_blind43.jsonl",
    "blind44": ROOT / "bench" / "data" / "secrets_blind44.jsonl",
    "blind45": ROOT / "bench" / "data" / "secrets_blind45.jsonl",
    "blind46": ROOT / "bench" / "data" / "secrets_blind46.jsonl",
    "blind47": ROOT / "bench" / "data" / "secrets_blind47.jsonl",
    "blind48": ROOT / "bench" / "data" / "secrets_blind48.jsonl",
    "blind49": ROOT / "bench" / "data" / "secrets_blind49.jsonl",
    "blind50": ROOT / "bench" / "data" / "secrets_blind50.jsonl",
    "blind51": ROOT / "bench" / "data" / "secrets_blind51.jsonl",
    "blind52": ROOT / "bench" / "data" / "secrets_blind52.jsonl",
    "blind53": ROOT / "bench" / "data" / "secrets_blind53.jsonl",
    "blind54": ROOT / "bench" / "data" / "secrets_blind54.jsonl",
    "blind55": ROOT / "bench" / "data" / "secrets_blind55.jsonl",
    "blind56": ROOT / "bench" / "data" / "secrets_blind56.jsonl",
    "blind57": ROOT / "bench" / "data" / "secrets_blind57.jsonl",
    "blind58": ROOT / "bench" / "data" / "secrets_blind58.jsonl",
    "blind59": ROOT / "bench" / "data" / "secrets_blind59.jsonl",
    "blind60": ROOT / "bench" / "data" / "secrets_blind60.jsonl",
    "blind61": ROOT / "bench" / "data" / "secrets_blind61.jsonl",
    "blind62": ROOT / "bench" / "data" / "secrets_blind62.jsonl",
    "blind63": ROOT / "bench" / "data" / "secrets_blind63.jsonl",
    "blind64": ROOT / "bench" / "data" / "secrets_blind64.jsonl",
    "blind65": ROOT / "bench" / "data" / "secrets_blind65.jsonl",
    "blind66": ROOT / "bench" / "data" / "secrets_blind66.jsonl",
    "blind67": ROOT / "bench" / "data" / "secrets_blind67.jsonl",
    "blind68": ROOT / "bench" / "data" / "secrets_blind68.jsonl",
    "blind69": ROOT / "bench" / "data" / "secrets_blind69.jsonl",
    "blind70": ROOT / "bench" / "data" / "secrets_blind70.jsonl",
    "blind71": ROOT / "bench" / "data" / "secrets_blind71.jsonl",
    "blind72": ROOT / "bench" / "data" / "secrets_blind72.jsonl",
    "blind73": ROOT / "bench" / "data" / "secrets_blind73.jsonl",
    "blind74": ROOT / "bench" / "data" / "secrets_blind74.jsonl",
    "blind75": ROOT / "bench" / "data" / "secrets_blind75.jsonl",
    "blind76": ROOT / "bench" / "data" / "secrets_blind76.jsonl",
    "blind77": ROOT / "bench" / "data" / "secrets_blind77.jsonl",
    "blind78": ROOT / "bench" / "data" / "secrets_blind78.jsonl",
    "blind79": ROOT / "bench" / "data" / "secrets_blind79.jsonl",
    "blind80": ROOT / "bench" / "data" / "secrets_blind80.jsonl",
    "blind81": ROOT / "bench" / "data" / "secrets_blind81.jsonl",
    "blind82": ROOT / "bench" / "data" / "secrets_blind82.jsonl",
    "blind83": ROOT / "bench" / "data" / "secrets_blind83.jsonl",
    "blind84": ROOT / "bench" / "data" / "secrets_blind84.jsonl",
    "blind85": ROOT / "bench" / "data" / "secrets_blind85.jsonl",
    "blind86": ROOT / "bench" / "data" / "secrets_blind86.jsonl",
    "blind87": ROOT / "bench" / "data" / "secrets_blind87.jsonl",
    "blind88": ROOT / "bench" / "data" / "secrets_blind88.jsonl",
    "blind89": ROOT / "bench" / "data" / "secrets_blind89.jsonl",
    "blind90": ROOT / "bench" / "data" / "secrets_blind90.jsonl",
    "blind91": ROOT / "bench" / "data" / "secrets_blind91.jsonl",
    "blind92": ROOT / "bench" / "data" / "secrets_blind92.jsonl",
    "blind93": ROOT / "bench" / "data" / "secrets_blind93.jsonl",
    "blind94": ROOT / "bench" / "data" / "secrets_blind94.jsonl",
    "blind95": ROOT / "bench" / "data" / "secrets_blind95.jsonl",
    "blind96": ROOT / "bench" / "data" / "secrets_blind96.jsonl",
    "blind97": ROOT / "bench" / "data" / "secrets_blind97.jsonl",
    "blind98": ROOT / "bench" / "data" / "secrets_blind98.jsonl",
    "blind99": ROOT / "bench" / "data" / "secrets_blind99.jsonl",
    "blind100": ROOT / "bench" / "data" / "secrets_blind100.jsonl",
    "blind101": ROOT / "bench" / "data" / "secrets_blind101.jsonl",
    "blind102": ROOT / "bench" / "data" / "secrets_blind102.jsonl",
    "blind103": ROOT / "bench" / "data" / "secrets_blind103.jsonl",
    "blind104": ROOT / "bench" / "data" / "secrets_blind104.jsonl",
    "blind105": ROOT / "bench" / "data" / "secrets_blind105.jsonl",
    "blind106": ROOT / "bench" / "data" / "secrets_blind106.jsonl",
    "blind107": ROOT / "bench" / "data" / "secrets_blind107.jsonl",
    "blind108": ROOT / "bench" / "data" / "secrets_blind108.jsonl",
    "blind109": ROOT / "bench" / "data" / "secrets_blind109.jsonl",
    "blind110": ROOT / "bench" / "data" / "secrets_blind110.jsonl",
    "blind111": ROOT / "bench" / "data" / "secrets_blind111.jsonl",
    "blind112": ROOT / "bench" / "data" / "secrets_blind112.jsonl",
    "blind113": ROOT / "bench" / "data" / "secrets_blind113.jsonl",
    "blind114": ROOT / "bench" / "data" / "secrets_blind114.jsonl",
    "blind115": ROOT / "bench" / "data" / "secrets_blind115.jsonl",
    "blind116": ROOT / "bench" / "data" / "secrets_blind116.jsonl",
    "blind117": ROOT / "bench" / "data" / "secrets_blind117.jsonl",
    "blind118": ROOT / "bench" / "data" / "secrets_blind118.jsonl",
    "blind119": ROOT / "bench" / "data" / "secrets_blind119.jsonl",
    "blind120": ROOT / "bench" / "data" / "secrets_blind120.jsonl",
    "blind121": ROOT / "bench" / "data" / "secrets_blind121.jsonl",
    "blind122": ROOT / "bench" / "data" / "secrets_blind122.jsonl",
    "blind123": ROOT / "bench" / "data" / "secrets_blind123.jsonl",
    "blind124": ROOT / "bench" / "data" / "secrets_blind124.jsonl",
    "blind125": ROOT / "bench" / "data" / "secrets_blind125.jsonl",
    "blind126": ROOT / "bench" / "data" / "secrets_blind126.jsonl",
    "blind127": ROOT / "bench" / "data" / "secrets_blind127.jsonl",
    "blind128": ROOT / "bench" / "data" / "secrets_blind128.jsonl",
    "blind129": ROOT / "bench" / "data" / "secrets_blind129.jsonl",
    "blind130": ROOT / "bench" / "data" / "secrets_blind130.jsonl",
    "blind131": ROOT / "bench" / "data" / "secrets_blind131.jsonl",
    "blind132": ROOT / "bench" / "data" / "secrets_blind132.jsonl",
    "blind133": ROOT / "bench" / "data" / "secrets_blind133.jsonl",
    "blind134": ROOT / "bench" / "data" / "secrets_blind134.jsonl",
    "blind135": ROOT / "bench" / "data" / "secrets_blind135.jsonl",
    "blind136": ROOT / "bench" / "data" / "secrets_blind136.jsonl",
    "blind137": ROOT / "bench" / "data" / "secrets_blind137.jsonl",
    "blind138": ROOT / "bench" / "data" / "secrets_blind138.jsonl",
    "blind139": ROOT / "bench" / "data" / "secrets_blind139.jsonl",
    "blind140": ROOT / "bench" / "data" / "secrets_blind140.jsonl",
    "blind141": ROOT / "bench" / "data" / "secrets_blind141.jsonl",
    "blind142": ROOT / "bench" / "data" / "secrets_blind142.jsonl",
    "blind143": ROOT / "bench" / "data" / "secrets_blind143.jsonl",
    "blind144": ROOT / "bench" / "data" / "secrets_blind144.jsonl",
    "blind145": ROOT / "bench" / "data" / "secrets_blind145.jsonl",
    "blind146": ROOT / "bench" / "data" / "secrets_blind146.jsonl",
    "blind147": ROOT / "bench" / "data" / "secrets_blind147.jsonl",
    "blind148": ROOT / "bench" / "data" / "secrets_blind148.jsonl",
    "blind149": ROOT / "bench" / "data" / "secrets_blind149.jsonl",
    "blind150": ROOT / "bench" / "data" / "secrets_blind150.jsonl",
    "blind151": ROOT / "bench" / "data" / "secrets_blind151.jsonl",
    "blind152": ROOT / "bench" / "data" / "secrets_blind152.jsonl",
    "blind153": ROOT / "bench" / "data" / "secrets_blind153.jsonl",
    "blind154": ROOT / "bench" / "data" / "secrets_blind154.jsonl",
    "blind155": ROOT / "bench" / "data" / "secrets_blind155.jsonl",
    "blind156": ROOT / "bench" / "data" / "secrets_blind156.jsonl",
    "blind157": ROOT / "bench" / "data" / "secrets_blind157.jsonl",
    "blind158": ROOT / "bench" / "data" / "secrets_blind158.jsonl",
    "blind159": ROOT / "bench" / "data" / "secrets_blind159.jsonl",
    "blind160": ROOT / "bench" / "data" / "secrets_blind160.jsonl",
    "blind161": ROOT / "bench" / "data" / "secrets_blind161.jsonl",
    "blind162": ROOT / "bench" / "data" / "secrets_blind162.jsonl",
    "blind163": ROOT / "bench" / "data" / "secrets_blind163.jsonl",
    "blind164": ROOT / "bench" / "data" / "secrets_blind164.jsonl",
    "blind165": ROOT / "bench" / "data" / "secrets_blind165.jsonl",
    "blind166": ROOT / "bench" / "data" / "secrets_blind166.jsonl",
    "blind167": ROOT / "bench" / "data" / "secrets_blind167.jsonl",
    "blind168": ROOT / "bench" / "data" / "secrets_blind168.jsonl",
    "blind169": ROOT / "bench" / "data" / "secrets_blind169.jsonl",
    "blind170": ROOT / "bench" / "data" / "secrets_blind170.jsonl",
    "blind171": ROOT / "bench" / "data" / "secrets_blind171.jsonl",
    "blind172": ROOT / "bench" / "data" / "secrets_blind172.jsonl",
    "blind173": ROOT / "bench" / "data" / "secrets_blind173.jsonl",
    "blind174": ROOT / "bench" / "data" / "secrets_blind174.jsonl",
    "blind175": ROOT / "bench" / "data" / "secrets_blind175.jsonl",
    "blind176": ROOT / "bench" / "data" / "secrets_blind176.jsonl",
    "blind177": ROOT / "bench" / "data" / "secrets_blind177.jsonl",
    "blind178": ROOT / "bench" / "data" / "secrets_blind178.jsonl",
    "blind179": ROOT / "bench" / "data" / "secrets_blind179.jsonl",
    "blind180": ROOT / "bench" / "data" / "secrets_blind180.jsonl",
    "blind181": ROOT / "bench" / "data" / "secrets_blind181.jsonl",
    "blind182": ROOT / "bench" / "data" / "secrets_blind182.jsonl",
    "blind183": ROOT / "bench" / "data" / "secrets_blind183.jsonl",
    "blind184": ROOT / "bench" / "data" / "secrets_blind184.jsonl",
    "blind185": ROOT / "bench" / "data" / "secrets_blind185.jsonl",
    "blind186": ROOT / "bench" / "data" / "secrets_blind186.jsonl",
    "blind187": ROOT / "bench" / "data" / "secrets_blind187.jsonl",
    "blind188": ROOT / "bench" / "data" / "secrets_blind188.jsonl",
    "blind189": ROOT / "bench" / "data" / "secrets_blind189.jsonl",
    "blind190": ROOT / "bench" / "data" / "secrets_blind190.jsonl",
    "blind191": ROOT / "bench" / "data" / "secrets_blind191.jsonl",
    "blind192": ROOT / "bench" / "data" / "secrets_blind192.jsonl",
    "blind193": ROOT / "bench" / "data" / "secrets_blind193.jsonl",
    "blind194": ROOT / "bench" / "data" / "secrets_blind194.jsonl",
    "blind195": ROOT / "bench" / "data" / "secrets_blind195.jsonl",
    "blind196": ROOT / "bench" / "data" / "secrets_blind196.jsonl",
    "blind197": ROOT / "bench" / "data" / "secrets_blind197.jsonl",
    "blind198": ROOT / "bench" / "data" / "secrets_blind198.jsonl",
    "blind199": ROOT / "bench" / "data" / "secrets_blind199.jsonl",
    "blind200": ROOT / "bench" / "data" / "secrets_blind200.jsonl",
    "blind201": ROOT / "bench" / "data" / "secrets_blind201.jsonl",
    "blind202": ROOT / "bench" / "data" / "secrets_blind202.jsonl",
    "blind203": ROOT / "bench" / "data" / "secrets_blind203.jsonl",
    "blind204": ROOT / "bench" / "data" / "secrets_blind204.jsonl",
    "blind205": ROOT / "bench" / "data" / "secrets_blind205.jsonl",
    "blind206": ROOT / "bench" / "data" / "secrets_blind206.jsonl",
    "blind207": ROOT / "bench" / "data" / "secrets_blind207.jsonl",
    "blind208": ROOT / "bench" / "data" / "secrets_blind208.jsonl",
    "blind209": ROOT / "bench" / "data" / "secrets_blind209.jsonl",
    "blind210": ROOT / "bench" / "data" / "secrets_blind210.jsonl",
    "blind211": ROOT / "bench" / "data" / "secrets_blind211.jsonl",
    "blind212": ROOT / "bench" / "data" / "secrets_blind212.jsonl",
    "blind213": ROOT / "bench" / "data" / "secrets_blind213.jsonl",
    "blind214": ROOT / "bench" / "data" / "secrets_blind214.jsonl",
    "blind215": ROOT / "bench" / "data" / "secrets_blind215.jsonl",
    "blind216": ROOT / "bench" / "data" / "secrets_blind216.jsonl",
    "blind217": ROOT / "bench" / "data" / "secrets_blind217.jsonl",
    "blind218": ROOT / "bench" / "data" / "secrets_blind218.jsonl",
    "blind219": ROOT / "bench" / "data" / "secrets_blind219.jsonl",
    "blind220": ROOT / "bench" / "data" / "secrets_blind220.jsonl",
    "blind221": ROOT / "bench" / "data" / "secrets_blind221.jsonl",
    "blind222": ROOT / "bench" / "data" / "secrets_blind222.jsonl",
    "blind223": ROOT / "bench" / "data" / "secrets_blind223.jsonl",
    "blind224": ROOT / "bench" / "data" / "secrets_blind224.jsonl",
    "blind225": ROOT / "bench" / "data" / "secrets_blind225.jsonl",
    "blind226": ROOT / "bench" / "data" / "secrets_blind226.jsonl",
    "blind227": ROOT / "bench" / "data" / "secrets_blind227.jsonl",
    "blind228": ROOT / "bench" / "data" / "secrets_blind228.jsonl",
    "blind229": ROOT / "bench" / "data" / "secrets_blind229.jsonl",
    "blind230": ROOT / "bench" / "data" / "secrets_blind230.jsonl",
    "blind231": ROOT / "bench" / "data" / "secrets_blind231.jsonl",
    "blind232": ROOT / "bench" / "data" / "secrets_blind232.jsonl",
    "blind233": ROOT / "bench" / "data" / "secrets_blind233.jsonl",
    "blind234": ROOT / "bench" / "data" / "secrets_blind234.jsonl",
    "blind235": ROOT / "bench" / "data" / "secrets_blind235.jsonl",
    "blind236": ROOT / "bench" / "data" / "secrets_blind236.jsonl",
    "blind237": ROOT / "bench" / "data" / "secrets_blind237.jsonl",
    "blind238": ROOT / "bench" / "data" / "secrets_blind238.jsonl",
    "blind239": ROOT / "bench" / "data" / "secrets_blind239.jsonl",
    "blind240": ROOT / "bench" / "data" / "secrets_blind240.jsonl",
    "blind241": ROOT / "bench" / "data" / "secrets_blind241.jsonl",
    "blind242": ROOT / "bench" / "data" / "secrets_blind242.jsonl",
    "blind243": ROOT / "bench" / "data" / "secrets_blind243.jsonl",
    "blind244": ROOT / "bench" / "data" / "secrets_blind244.jsonl",
    "blind245": ROOT / "bench" / "data" / "secrets_blind245.jsonl",
    "blind246": ROOT / "bench" / "data" / "secrets_blind246.jsonl",
    "blind247": ROOT / "bench" / "data" / "secrets_blind247.jsonl",
    "blind248": ROOT / "bench" / "data" / "secrets_blind248.jsonl",
    "blind249": ROOT / "bench" / "data" / "secrets_blind249.jsonl",
    "blind250": ROOT / "bench" / "data" / "secrets_blind250.jsonl",
    "blind251": ROOT / "bench" / "data" / "secrets_blind251.jsonl",
    "blind252": ROOT / "bench" / "data" / "secrets_blind252.jsonl",
    "blind253": ROOT / "bench" / "data" / "secrets_blind253.jsonl",
    "blind254": ROOT / "bench" / "data" / "secrets_blind254.jsonl",
    "blind255": ROOT / "bench" / "data" / "secrets_blind255.jsonl",
    "blind256": ROOT / "bench" / "data" / "secrets_blind256.jsonl",
    "blind257": ROOT / "bench" / "data" / "secrets_blind257.jsonl",
    "blind258": ROOT / "bench" / "data" / "secrets_blind258.jsonl",
    "blind259": ROOT / "bench" / "data" / "secrets_blind259.jsonl",
    "blind260": ROOT / "bench" / "data" / "secrets_blind260.jsonl",
    "blind261": ROOT / "bench" / "data" / "secrets_blind261.jsonl",
    "blind262": ROOT / "bench" / "data" / "secrets_blind262.jsonl",
    "blind263": ROOT / "bench" / "data" / "secrets_blind263.jsonl",
    "blind264": ROOT / "bench" / "data" / "secrets_blind264.jsonl",
    "blind265": ROOT / "bench" / "data" / "secrets_blind265.jsonl",
    "blind266": ROOT / "bench" / "data" / "secrets_blind266.jsonl",
    "blind267": ROOT / "bench" / "data" / "secrets_blind267.jsonl",
    "blind268": ROOT / "bench" / "data" / "secrets_blind268.jsonl",
    "blind269": ROOT / "bench" / "data" / "secrets_blind269.jsonl",
    "blind270": ROOT / "bench" / "data" / "secrets_blind270.jsonl",
    "blind271": ROOT / "bench" / "data" / "secrets_blind271.jsonl",
    "blind272": ROOT / "bench" / "data" / "secrets_blind272.jsonl",
    "blind273": ROOT / "bench" / "data" / "secrets_blind273.jsonl",
    "blind274": ROOT / "bench" / "data" / "secrets_blind274.jsonl",
    "blind275": ROOT / "bench" / "data" / "secrets_blind275.jsonl",
    "blind276": ROOT / "bench" / "data" / "secrets_blind276.jsonl",
    "blind277": ROOT / "bench" / "data" / "secrets_blind277.jsonl",
    "blind278": ROOT / "bench" / "data" / "secrets_blind278.jsonl",
    "blind279": ROOT / "bench" / "data" / "secrets_blind279.jsonl",
    "blind280": ROOT / "bench" / "data" / "secrets_blind280.jsonl",
    "blind281": ROOT / "bench" / "data" / "secrets_blind281.jsonl",
    "blind282": ROOT / "bench" / "data" / "secrets_blind282.jsonl",
    "blind283": ROOT / "bench" / "data" / "secrets_blind283.jsonl",
    "blind284": ROOT / "bench" / "data" / "secrets_blind284.jsonl",
    "blind285": ROOT / "bench" / "data" / "secrets_blind285.jsonl",
    "blind286": ROOT / "bench" / "data" / "secrets_blind286.jsonl",
    "blind287": ROOT / "bench" / "data" / "secrets_blind287.jsonl",
    "blind288": ROOT / "bench" / "data" / "secrets_blind288.jsonl",
    "blind289": ROOT / "bench" / "data" / "secrets_blind289.jsonl",
    "blind290": ROOT / "bench" / "data" / "secrets_blind290.jsonl",
    "blind291": ROOT / "bench" / "data" / "secrets_blind291.jsonl",
    "blind292": ROOT / "bench" / "data" / "secrets_blind292.jsonl",
    "blind293": ROOT / "bench" / "data" / "secrets_blind293.jsonl",
    "blind294": ROOT / "bench" / "data" / "secrets_blind294.jsonl",
    "blind295": ROOT / "bench" / "data" / "secrets_blind295.jsonl",
    "blind296": ROOT / "bench" / "data" / "secrets_blind296.jsonl",
    "blind297": ROOT / "bench" / "data" / "secrets_blind297.jsonl",
    "blind298": ROOT / "bench" / "data" / "secrets_blind298.jsonl",
    "blind299": ROOT / "bench" / "data" / "secrets_blind299.jsonl",
    "blind300": ROOT / "bench" / "data" / "secrets_blind300.jsonl",
    "blind301": ROOT / "bench" / "data" / "secrets_blind301.jsonl",
    "blind302": ROOT / "bench" / "data" / "secrets_blind302.jsonl",
    "blind303": ROOT / "bench" / "data" / "secrets_blind303.jsonl",
    "blind304": ROOT / "bench" / "data" / "secrets_blind304.jsonl",
    "blind305": ROOT / "bench" / "data" / "secrets_blind305.jsonl",
    "blind306": ROOT / "bench" / "data" / "secrets_blind306.jsonl",
    "blind307": ROOT / "bench" / "data" / "secrets_blind307.jsonl",
    "blind308": ROOT / "bench" / "data" / "secrets_blind308.jsonl",
    "blind309": ROOT / "bench" / "data" / "secrets_blind309.jsonl",
    "blind310": ROOT / "bench" / "data" / "secrets_blind310.jsonl",
    "blind311": ROOT / "bench" / "data" / "secrets_blind311.jsonl",
    "blind312": ROOT / "bench" / "data" / "secrets_blind312.jsonl",
    "blind313": ROOT / "bench" / "data" / "secrets_blind313.jsonl",
    "blind314": ROOT / "bench" / "data" / "secrets_blind314.jsonl",
    "blind315": ROOT / "bench" / "data" / "secrets_blind315.jsonl",
    "blind316": ROOT / "bench" / "data" / "secrets_blind316.jsonl",
    "blind317": ROOT / "bench" / "data" / "secrets_blind317.jsonl",
    "blind318": ROOT / "bench" / "data" / "secrets_blind318.jsonl",
    "blind319": ROOT / "bench" / "data" / "secrets_blind319.jsonl",
    "blind320": ROOT / "bench" / "data" / "secrets_blind320.jsonl",
    "blind321": ROOT / "bench" / "data" / "secrets_blind321.jsonl",
    "blind322": ROOT / "bench" / "data" / "secrets_blind322.jsonl",
    "blind323": ROOT / "bench" / "data" / "secrets_blind323.jsonl",
    "blind324": ROOT / "bench" / "data" / "secrets_blind324.jsonl",
    "blind325": ROOT / "bench" / "data" / "secrets_blind325.jsonl",
    "blind326": ROOT / "bench" / "data" / "secrets_blind326.jsonl",
    "blind327": ROOT / "bench" / "data" / "secrets_blind327.jsonl",
    "blind328": ROOT / "bench" / "data" / "secrets_blind328.jsonl",
    "blind329": ROOT / "bench" / "data" / "secrets_blind329.jsonl",
    "blind330": ROOT / "bench" / "data" / "secrets_blind330.jsonl",
    "blind331": ROOT / "bench" / "data" / "secrets_blind331.jsonl",
    "blind332": ROOT / "bench" / "data" / "secrets_blind332.jsonl",
    "blind333": ROOT / "bench" / "data" / "secrets_blind333.jsonl",
    "blind334": ROOT / "bench" / "data" / "secrets_blind334.jsonl",
    "blind335": ROOT / "bench" / "data" / "secrets_blind335.jsonl",
    "blind336": ROOT / "bench" / "data" / "secrets_blind336.jsonl",
    "blind337": ROOT / "bench" / "data" / "secrets_blind337.jsonl",
    "blind338": ROOT / "bench" / "data" / "secrets_blind338.jsonl",
    "blind339": ROOT / "bench" / "data" / "secrets_blind339.jsonl",
    "blind340": ROOT / "bench" / "data" / "secrets_blind340.jsonl",
    "blind341": ROOT / "bench" / "data" / "secrets_blind341.jsonl",
    "blind342": ROOT / "bench" / "data" / "secrets_blind342.jsonl",
    "blind343": ROOT / "bench" / "data" / "secrets_blind343.jsonl",
    "blind344": ROOT / "bench" / "data" / "secrets_blind344.jsonl",
    "blind345": ROOT / "bench" / "data" / "secrets_blind345.jsonl",
    "blind346": ROOT / "bench" / "data" / "secrets_blind346.jsonl",
    "blind347": ROOT / "bench" / "data" / "secrets_blind347.jsonl",
    "blind348": ROOT / "bench" / "data" / "secrets_blind348.jsonl",
    "blind349": ROOT / "bench" / "data" / "secrets_blind349.jsonl",
    "blind350": ROOT / "bench" / "data" / "secrets_blind350.jsonl",
    "blind351": ROOT / "bench" / "data" / "secrets_blind351.jsonl",
    "blind352": ROOT / "bench" / "data" / "secrets_blind352.jsonl",
    "blind353": ROOT / "bench" / "data" / "secrets_blind353.jsonl",
    "blind354": ROOT / "bench" / "data" / "secrets_blind354.jsonl",
    "blind355": ROOT / "bench" / "data" / "secrets_blind355.jsonl",
    "blind356": ROOT / "bench" / "data" / "secrets_blind356.jsonl",
    "blind357": ROOT / "bench" / "data" / "secrets_blind357.jsonl",
    "blind358": ROOT / "bench" / "data" / "secrets_blind358.jsonl",
    "blind359": ROOT / "bench" / "data" / "secrets_blind359.jsonl",
    "blind360": ROOT / "bench" / "data" / "secrets_blind360.jsonl",
    "blind361": ROOT / "bench" / "data" / "secrets_blind361.jsonl",
    "blind362": ROOT / "bench" / "data" / "secrets_blind362.jsonl",
    "blind363": ROOT / "bench" / "data" / "secrets_blind363.jsonl",
    "blind364": ROOT / "bench" / "data" / "secrets_blind364.jsonl",
    "blind365": ROOT / "bench" / "data" / "secrets_blind365.jsonl",
    "blind366": ROOT / "bench" / "data" / "secrets_blind366.jsonl",
    "blind367": ROOT / "bench" / "data" / "secrets_blind367.jsonl",
    "blind368": ROOT / "bench" / "data" / "secrets_blind368.jsonl",
    "blind369": ROOT / "bench" / "data" / "secrets_blind369.jsonl",
    "blind370": ROOT / "bench" / "data" / "secrets_blind370.jsonl",
    "blind371": ROOT / "bench" / "data" / "secrets_blind371.jsonl",
    "blind372": ROOT / "bench" / "data" / "secrets_blind372.jsonl",
    "blind373": ROOT / "bench" / "data" / "secrets_blind373.jsonl",
    "blind374": ROOT / "bench" / "data" / "secrets_blind374.jsonl",
    "blind375": ROOT / "bench" / "data" / "secrets_blind375.jsonl",
    "blind376": ROOT / "bench" / "data" / "secrets_blind376.jsonl",
    "blind377": ROOT / "bench" / "data" / "secrets_blind377.jsonl",
    "blind378": ROOT / "bench" / "data" / "secrets_blind378.jsonl",
    "blind379": ROOT / "bench" / "data" / "secrets_blind379.jsonl",
    "blind380": ROOT / "bench" / "data" / "secrets_blind380.jsonl",
    "blind381": ROOT / "bench" / "data" / "secrets_blind381.jsonl",
    "blind382": ROOT / "bench" / "data" / "secrets_blind382.jsonl",
    "blind383": ROOT / "bench" / "data" / "secrets_blind383.jsonl",
    "blind384": ROOT / "bench" / "data" / "secrets_blind384.jsonl",
    "blind385": ROOT / "bench" / "data" / "secrets_blind385.jsonl",
    "blind386": ROOT / "bench" / "data" / "secrets_blind386.jsonl",
    "blind387": ROOT / "bench" / "data" / "secrets_blind387.jsonl",
    "blind388": ROOT / "bench" / "data" / "secrets_blind388.jsonl",
}
TARGETS = {"secret_recall": 0.98, "secret_precision": 0.90, "personal_recall": 0.95}
SEEN = {
    "a": "read while refining the rules (development)",
    "b": "read while refining the rules (development)",
    "c": "read while refining the rules (development)",
    "d": "held out until session 3's run (0.95/1.00); read in session 4, its one missed note "
    "fixed as a kind (a list of backup codes under its heading)"
    ": development since",
    "blind1": "the session-4 blind test (secret 0.98/0.96: one missed, two false alarms; "
    "personal 1.00/1.00); read in session 5, its three errors fixed as kinds (a licence key "
    "of four-character groups, a public key named with its owner, a question mark after a "
    "file name)"
    ": development since",
    "blind2": "the session-5 blind test (secret 0.94/1.00: three missed; personal 0.95/0.90: "
    "one missed, two false alarms; values left in the stored text of 5 notes); its secret and "
    "personal-data errors read right after, the seven fixed as kinds (a short activation key, "
    "a HubSpot private app token, guest passes listed in the sentence after their topic, a "
    "German PIN after 'wieder', an Irish mobile read as a UK shared-cost number, a company "
    "mobile, an incident number after 'número'): development since for detection",
    "blind3": "the session-5 secrets blind test (secret 0.83/0.94: nine missed, three false "
    "alarms; personal 0.90/0.86; values left in 11 notes); read right after, its fourteen "
    "errors fixed as kinds (a prefixed licence key, user:password after 'creds', a code read "
    "out after a colon, an API secret key in capitals, keypad and safe codes typed key by key "
    "or in pairs with the place named a sentence earlier, a recovery phrase, a password column "
    "of a table, a GUID after 'token', HMRC's QQ prefix, 'personale', not a phone: a build "
    "number, an IP range, a shop's general number; not a secret: placeholders in a URL or "
    "ConvertTo-SecureString, a WireGuard public key)"
    ": development since",
    "blind4": "the session-6 secrets blind test (secret 0.89/0.93: seven missed, four false "
    "alarms; personal 0.96/0.86: one missed, four false alarms; values left in 8 notes); read "
    "right after, its secret errors fixed as kinds (a vendor's X-...-API-Key header, an "
    "Italian adjective after 'password', the Dutch 'ww', a passphrase of several words on its "
    "labelled line, a place's code after 'code du coffre :' or 'código do alarme:', netsh's "
    "Key Content line; not a secret: a certificate request, a DKIM record, a secret's ID read "
    "whole, a template reference) and its personal-data errors likewise: development since",
    "blind5": "the second session-6 secrets blind test (secret 0.86/0.93: nine missed, four false "
    "alarms; personal 0.80/0.87: five missed, three false alarms; values left in 15 notes); read "
    "right after, its errors fixed as kinds (alarm-panel engineer and master codes, a code read "
    "out key by key, Google and Duo backup-code lists after a colon, a GUID-shaped API key, a "
    "Wi-Fi key after a colon in its sentence, a print PIN's qualifier, a voicemail code named "
    "first, national ids by their own format near their name: Aadhaar, PAN, SIN, NIR, South "
    "African ID, PPSN, a passport number; not a secret: a cmdlet, a password hint, a model "
    "number's trailing plus, an error code; not personal: a company IBAN or address, a "
    "switchboard number)"
    ": development since",
    "blind6": "the third session-6 secrets blind test (secret 0.92/0.97: five missed, two false "
    "alarms; personal 0.92/0.88: two missed, three false alarms; values left in 9 notes); read "
    "right after, its errors fixed as kinds (a Spanish 'usuario X y clave Y' pair, 'snmp-server "
    "community', a Wi-Fi passphrase of hyphen-joined words, a date-shaped safe combination, "
    "'net user name password', a PUK in its sentence, a code read out in a chat transcript, a "
    "Portuguese NIF and a date of birth a sentence after their names; not a secret: a pair whose "
    "value is the next label, a login at a host; not personal: a firm's address after its legal "
    "name, 'Registered in England 0771...', 'Sitz:', a business's only Gmail mailbox, a NIPC): "
    "development since",
    "blind7": "the fourth session-6 secrets blind test (secret 0.89/0.98: seven missed, one false "
    "alarm; personal 0.92/0.88: two missed, three false alarms; values left in 11 notes); read "
    "right after, seven of its fourteen errors fixed as kinds (Scottish and Welsh street forms, "
    "'combo', keys typed with '#', guest passes as a bulleted list; not a secret: $env:NAME; "
    "not personal: a practice's number in Dutch, a firm's account after its legal name), seven "
    "left as known misses: development since",
    "blind8": "the session-7 secrets blind test (the rules alone 0.88/1.00: seven missed; with "
    "the token model 0.93/0.98: four missed, one false alarm; personal 0.96/0.86: one missed, "
    "four false alarms; values left in 5 notes); read right after, its nine errors fixed as "
    "kinds (a code in number words, 'code is still 2580', keys read one by one after a "
    "colon, a disarm code, a wallet 'recovery seed'; not secret: a WireGuard PublicKey line; "
    "not personal: a firm's IBAN or NIF 'de la empresa', 'morada da sede', 'Fall' and "
    "'ticketnummer' before a reference; a personal mobile said so after the number), and the "
    "token model retrained with it: development since",
    "blind9": "the second session-7 secrets blind test (the rules alone 0.98/1.00: one missed; "
    "with the token model 0.98/0.95: the model caught nothing more and raised three false "
    "alarms; personal 0.96/0.96: one missed, one false alarm; values left in 2 notes); read "
    "right after, its errors fixed as kinds (an SNMP community 'changed ... from the default "
    "to X', an IBAN named as one with wrong check digits; not personal: a vendor's support "
    "line named in Portuguese; the model's three false alarms by retraining with the file, "
    "and a code after a code 'CFQ7TTC0LCHC:0002' no longer split as name and value): "
    "development since",
    "blind10": "the third session-7 secrets blind test (the rules alone 0.90/0.98: six missed, "
    "one false alarm; with the token model 0.95/0.98: three missed, the model caught three and "
    "added no false alarm; personal 0.88/0.85: three missed, four false alarms; values left in "
    "8 notes); read right after, its errors fixed as kinds (French 'bons Wi-Fi invités', "
    "redis-cli -a, a recovery phrase laid out over lines, a value corrected in the same breath "
    "(kbassist/hygiene/corrections.py), a Dutch BSN near its name, an IBAN named further "
    "back, a UK street without a type before its postcode, 'Am Mühlbach 7, 83093'; not "
    "secret: bullets a user typed; not personal: a vendor's support line, a tracking number "
    "after a lettered prefix, 'fob no.', 'Via' before an IP address) and the token model "
    "retrained with it: development since",
    "blind11": "the fourth session-7 secrets blind test, scored on d5d2dc2 (the rules alone "
    "0.95/0.98; with the token model 0.95/0.98: three missed, one false alarm; personal "
    "0.88/0.92: three missed, two false alarms; values left in 10 notes); read right after "
    "with blind12, their errors fixed as kinds (a German reset 'Zurückgesetzt auf Word-1234', "
    "a Schlüsseltresor code 'neu gesetzt auf', an old code after 'old one', 'private:' of an "
    "API key pair; a personal mobile in a one-line note naming a work e-mail far before, "
    "'Geb.-Datum', an IBAN after 'RIB'; not personal: 'número de incidencia', an SMTP status, "
    "'VAT GB', 'her DDI'; not secret: $env:NAME in backticks, '<password>' and 'xxxx' "
    "placeholders), two left as known misses: development since",
    "blind12": "the fifth session-7 secrets blind test, scored on d5d2dc2 (the rules alone "
    "0.94/0.97; with the token model 0.97/0.97: two missed, two false alarms; personal "
    "0.96/0.92; values left in 5 notes); read with blind11 (see there), seven errors left as "
    "known misses (three words of a recovery phrase, an NI number with an impossible prefix, "
    "a misspelt personal e-mail, an Irish address without its Eircode, a vendor's phone after "
    "'their phone', a host after 'private key stays on', a mobile read as a PIN's tail): "
    "development since",
    "blind13": "the sixth session-7 secrets blind test, scored on d6b37c8 (the rules alone "
    "0.94/1.00; with the token model 0.97/0.97: two missed, two false alarms; personal "
    "0.92/0.85; values left in 7 notes); read right after with blind14, their errors fixed "
    "as kinds (an alarm code read key by key after 'alarm code ... :', a password 'è sempre "
    "X', vouchers one per line or table row, 'PPS 8834721SA', a passport number right after "
    "its name, 'my number' in a quoted e-mail; not personal: customer-service lines in "
    "Dutch, 'número de solicitud', a vendor's support named by the vendor, a firm's IBAN "
    "after its legal name, a ticket 'beim Hersteller', listed serial numbers; not secret: "
    "'####'), four left as known misses: development since",
    "blind14": "the seventh session-7 secrets blind test, scored on d6b37c8 (the rules alone "
    "0.92/1.00; with the token model 0.98/0.98: one missed, one false alarm; personal "
    "1.00/0.93; values left in 3 notes); read with blind13 (see there); one left as a known "
    "miss (a printer PIN after 'Drucker-PIN ... auf 3318 gesetzt')"
    ": development since",
    "blind15": "the eighth session-7 secrets blind test, scored on 569511f (the rules alone "
    "0.89/1.00; with the token model 0.94/1.00: four missed, no false alarm; personal "
    "1.00/0.93); read right after with blind16, their errors fixed as kinds (an app password "
    "right after its name, a keypad code with a letter A-D; not personal: 'Vorgangsnummer', "
    "'caso <Vendor>', a Message-ID; not secret: a UNC path), the rest left as known misses: "
    "development since",
    "blind16": "the ninth session-7 secrets blind test, scored on 569511f (the rules alone "
    "0.94/0.98; with the token model 0.98/0.95: one missed, three false alarms; personal "
    "0.88/0.95); read with blind15 (see there)"
    ": development since",
    "blind17": "the first session-8 secrets blind test, scored on 6ca5c2f (the rules alone "
    "0.91/1.00; with the token model 0.94/0.97: four missed, two false alarms; personal "
    "0.88/0.85); read right after with blind18, their errors fixed as kinds (a Credential "
    "column, alarm unset/disarm/override codes, a key 'she read out', German and Dutch "
    "compounds ending in Passwort/Kennwort/wachtwoord, a UK driving licence number, a date of "
    "birth answering a question; not secret: chat times, hex-pair thumbprints, a Twilio "
    "Account SID; not personal: an organisation's NIF and registered office, card and vendor "
    "incident numbers), the rest left as known misses: development since",
    "blind18": "the second session-8 secrets blind test, scored on 6ca5c2f (the rules alone "
    "0.95/1.00; with the token model 0.98/0.98: one missed, one false alarm; personal "
    "1.00/1.00); read with blind17 (see there)"
    ": development since",
    "blind19": "the third session-8 secrets blind test, scored on 3bedd6b (the rules alone "
    "0.92/1.00; with the token model 0.95/1.00: three missed, no false alarm; personal "
    "1.00/1.00); read right after with blind20, their errors fixed as kinds (keys typed one "
    "by one after a colon with the alarm named a sentence before, 'clave' for an alarm code, "
    "a passphrase label whose value ends its sentence, a one-time code read out as 'the code "
    "318 274', a date of birth later in the sentence that names it; not secret: a vendor part "
    "with its region option, 6N6E9AA#ABU), the rest left as known misses: development since",
    "blind20": "the fourth session-8 secrets blind test, scored on 3bedd6b (the rules alone "
    "0.92/0.98; with the token model 0.95/0.98: three missed, one false alarm; personal "
    "0.96/1.00); read with blind19 (see there)"
    ": development since",
    "blind21": "the fifth session-8 secrets blind test, scored on 7061bbf (the rules alone "
    "0.92/0.98; with the token model 0.95/0.98: three missed, one false alarm; personal "
    "0.96/0.92); read right after with blind22, their errors fixed as kinds (not secret: "
    "published example keys and values called examples, a login at a host in capitals; "
    "secret: 'codes Wi-Fi' vouchers, a recovery phrase after 'N-word' or 'Phrase ...:', an "
    "SNMP community changed from its default, a keypad code after a long clause; personal: "
    "see docs/secrets.md), the rest left as known misses: development since",
    "blind22": "the sixth session-8 secrets blind test, scored on 7061bbf (the rules alone "
    "0.92/0.92; with the token model 0.95/0.92: three missed, five false alarms; personal "
    "0.96/0.85); read with blind21 (see there)"
    ": development since",
    "blind23": "the seventh session-8 secrets blind test, scored on 910d7fd, session 8's final "
    "code (the rules alone 0.92/0.98; with the token model 0.94/0.98: four missed, one false "
    "alarm; personal 0.96/0.96); read in session 9 with blind24, their errors fixed as kinds "
    "(a found value repeated later in the note; override, código and clave codes; keys typed "
    "with dashes near a keypad; a one-time code after 'the 6-digit code'; a password a "
    "locked-out user quotes; passport numbers; not secret: an MSI product code; not personal: "
    "a solicitor's client account; see docs/secrets.md)"
    ": development since",
    "blind24": "the eighth session-8 secrets blind test, scored on 910d7fd (the rules alone "
    "0.90/1.00; with the token model 0.94/0.95: four missed, three false alarms; personal "
    "0.96/0.96); read with blind23 (see there; Google app passwords, a Wi-Fi key after 'SSID "
    "X, key', letter-suffixed door codes, a config key ending in Password, a device's "
    "verification code; not secret: contractions, policy names; not personal: a vendor's "
    "line that opened a case)"
    ": development since",
    "blind25": "the first session-9 secrets blind test, scored on 9a1e417 (the rules alone "
    "0.92/0.95; with the token model 0.97/0.92: two missed, five false alarms; personal "
    "0.96/0.83: one missed, five false alarms); read right after with blind26, their errors "
    "fixed as kinds (a space-aligned Password column, 'code du portail', a safe code after a "
    "title's dot, a Portuguese app password, a NISS, consumer mail brands under any country "
    "domain; not secret: a table's rule row, a switch prompt, file names, DNS verification "
    "records, a question's word; not personal: a sending number in config, a one-line "
    "signature, serials after matricola or nº de serie, numbers in paths)"
    ": development since",
    "blind26": "the second session-9 secrets blind test, scored on 9a1e417 (the rules alone "
    "0.95/0.98; with the token model 0.97/0.98: two missed, one false alarm; personal "
    "0.96/1.00: one missed); read with blind25 (see there; Dutch kluis/hek-code "
    "compounds, a RADIUS shared secret without digits, an IBAN of its country's layout after "
    "'bank details'; not secret: a host where a private key lives)"
    ": development since",
    "blind27": "the third session-9 secrets blind test, scored on e386376 (the rules alone "
    "0.95/1.00; with the token model 0.97/0.98: two missed, one false alarm; personal "
    "0.96/0.92: one missed, two false alarms); read right after with blind28, their errors "
    "fixed as kinds ('alarm unset', a single guest voucher, a Wi-Fi key a few words after "
    "'wifi', a PIN compound before 'ist', '+44 (0)7700 ...'; not secret: a drive path; not "
    "personal: a Kanzlei's seat)"
    ": development since",
    "blind28": "the fourth session-9 secrets blind test, scored on e386376 (the rules alone "
    "0.93/0.98; with the token model 0.97/0.98: two missed, one false alarm; personal "
    "0.96/0.89: one missed, three false alarms); read with blind27 (see there; safe codes in "
    "dash pairs, 'SSID x with the old key Y', a DNI a sentence after its name, a date of birth "
    "'entered as' another; not secret: a masked key; not personal: TWILIO_FROM, a range of "
    "years, a Dutch establishment address)"
    ": development since",
    "blind29": "the fifth session-9 secrets blind test, scored on 9ad478a (the rules alone "
    "0.97/1.00; with the token model 0.98/1.00: one missed, no false alarm; personal "
    "0.92/0.88: two missed, three false alarms); read right after with blind30, their errors "
    "fixed as kinds (a Dutch 'API-sleutel', a patient after a titled name, short-form "
    "'sort'/'acc' bank details; not personal: an animal's date of birth, a property on an "
    "agent's books, a number in a signature template)"
    ": development since",
    "blind30": "the sixth session-9 secrets blind test, scored on 9ad478a (the rules alone "
    "0.95/0.98; with the token model 0.97/0.98: two missed, one false alarm; personal "
    "0.96/0.92: one missed, two false alarms); read with blind29 (see there; a PIN compound "
    "then a colon, 'replaced by', a panel user's code with the alarm a sentence before, "
    "'(personal)', 'home 2 Tan y Bryn'; not secret: a household ID; not personal: a parcel "
    "number, a club secretariat's line)"
    ": development since",
    "blind31": "the seventh session-9 secrets blind test, scored on 9df7dc3 (the rules alone "
    "0.92/0.98; with the token model 0.95/0.98: three missed, one false alarm; personal "
    "0.92/1.00: two missed); read right after with blind32, their errors fixed as kinds (Teams "
    "webhook URLs, a passphrase in French quotation marks, recovery words named in "
    "Portuguese, a software serial in a clause about activation, a second code for other "
    "staff, a passport number in a file name; not secret: an IRmark receipt): development "
    "since",
    "blind32": "the eighth session-9 secrets blind test, scored on 9df7dc3 (the rules alone "
    "0.97/1.00; with the token model 0.98/0.98: one missed, one false alarm; personal "
    "0.88/0.92: three missed, two false alarms); read with blind31 (see there; dates of birth "
    "in words, 'n° de sécu', an Italian safe code 'cambiato in'; not secret: a connection "
    "string without a password; not personal: a club's IBAN, an IBAN's tail): development "
    "since",
    "blind33": "the ninth session-9 secrets blind test, scored on 67b45ef (the rules alone "
    "0.92/1.00; with the token model 0.97/1.00: two missed, no false alarm; personal "
    "1.00/1.00); read right after with blind34, their errors fixed as kinds (vouchers of "
    "letters and digits, a screen-time passcode, a PIN 'changed to' a new one): development "
    "since",
    "blind34": "the tenth session-9 secrets blind test, scored on 67b45ef (the rules alone "
    "0.92/0.97; with the token model 0.95/0.97: three missed, two false alarms; personal "
    "0.92/0.96: two missed, one false alarm); read with blind33 (see there; vouchers after a "
    "captive portal, a PIN that 'bleibt' keys typed with spaces, 'Rede X, chave Y', a phone "
    "dictated in words, a number called someone's own a sentence before; not secret: a "
    "KvK-nummer, a placeholder password in a connection string; not personal: a quoted "
    "vendor footer)"
    ": development since",
    "blind35": "the eleventh session-9 secrets blind test, scored on 514ca10 (the rules alone "
    "0.94/0.95; with the token model 0.97/0.91: two missed, six false alarms; personal "
    "1.00/1.00); read right after with blind36, their errors fixed as kinds (a bypass code in "
    "backticks, an activation key with a three-letter prefix; not secret: a template lookup, "
    "a part number with '#', a versioned image name, a build with its commit, a hash the note "
    "calls a hash; one model false alarm on a switch model name left)"
    ": development since",
    "blind36": "the twelfth session-9 secrets blind test, scored on 514ca10 (the rules alone "
    "0.97/0.98; with the token model 0.98/0.98: one missed, one false alarm; personal "
    "1.00/0.90: three false alarms); read with blind35 (see there; an old code after 'antes', "
    "REPLACE_ME placeholders, a UTR, a PESEL, romanised Greek and hyphenated German streets; "
    "not personal: an on-call phone, a list of branch numbers, a show-home's plot): "
    "development since",
    "blind37": "the thirteenth session-9 secrets blind test, scored on 21d5007, session 9's "
    "final code (the rules alone 0.87/0.95; with the token model 0.94/0.94; personal "
    "0.95/1.00); read in session 10 with blind38-40, their errors fixed as kinds (secret-"
    "sharing links, a PIN reset 'to' keys typed with spaces, a PIN compound with a device "
    "model before its colon; not secret: a published GVLK, a variable in a URL, a GUID "
    "integration key)"
    ": development since",
    "blind38": "the fourteenth session-9 secrets blind test, scored on 21d5007 (the rules "
    "alone 0.92/0.97; with the token model 0.97/0.95; personal 1.00/0.96); read in session 10 "
    "(a device verification code after 'Código:'; not secret: a Stripe charge ID, a hash "
    "named by its algorithm)"
    ": development since",
    "blind39": "the fifteenth session-9 secrets blind test, scored on 21d5007 (the rules alone "
    "0.94/1.00; with the token model 0.97/1.00; personal 0.92/0.92); read in session 10 "
    "('vales wifi', a config key ending in PIN, a date of birth in a file name or at a "
    "sentence's end)"
    ": development since",
    "blind40": "the sixteenth session-9 secrets blind test, scored on 21d5007 (the rules alone "
    "0.92/1.00; with the token model 0.98/1.00; personal 1.00/1.00); read in session 10 (an "
    "alarm panel's codes one per line or by role after a comma, an opening-code compound, "
    "'código de puerta 3#8815', net-snmp's -c)"
    ": development since",
    "blind41": "the first session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.88/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read in session 11 "
    "(an SNMP community on a config line, passphrases of words)"
    ": development since",
    "blind42": "the second session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.97/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 11 "
    "(a factory default password replaced)"
    ": development since",
    "blind43": "the third session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.95/0.97; with the token model 0.98/0.95; personal 1.00/0.90); read in session 11 "
    "(French and Spanish verification codes, a phone written again, a trust's own account)"
    ": development since",
    "blind44": "the fourth session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.91/0.97; with the token model 0.94/0.97; personal 1.00/0.93); read in session 11 "
    "(release PINs one per line, a recovery phrase after 'the 12 words', a FRITZ!Box key)"
    ": development since",
    "blind45": "the fifth session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.84/1.00; with the token model 0.93/1.00; personal 0.92/0.88); read in session 11 "
    "(spelled passwords with dashes or the case after the letter, an own-mobiles list)"
    ": development since",
    "blind46": "the sixth session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.95/1.00; with the token model 0.98/0.98; personal 1.00/0.89); read in session 11 "
    "(a PIN followed by 'jetzt', an old password on an 'old:' line, serials as phones)"
    ": development since",
    "blind47": "the seventh session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.97/0.98; with the token model 0.98/0.98; personal 0.85/0.96); read in session 11 "
    "(phones with slashes or dots, NHS numbers, a German App-Kennwort)"
    ": development since",
    "blind48": "the eighth session-10 secrets blind test, scored on bc33fb0 (the rules "
    "alone 0.91/0.98; with the token model 0.98/0.98; personal 1.00/0.93); read in session 11 "
    "(club lines and session numbers as phones)"
    ": development since",
    "blind49": "the first session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.97/0.97; with the token model 0.98/0.97; personal 0.96/0.96); read in session 12 "
    "(a verification code named with what it is for, message IDs)"
    ": development since",
    "blind50": "the second session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.91/1.00; with the token model 0.94/0.98; personal 0.96/0.96); read in session 12 "
    "(a wallet's words lines after it is named, keypad codes, an American home address)"
    ": development since",
    "blind51": "the third session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.89/0.97; with the token model 0.97/0.95; personal 1.00/0.92); read in session 12 "
    "(a push URL's token, a French SNMP community, keys with their middle typed over)"
    ": development since",
    "blind52": "the fourth session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.94/0.95; with the token model 0.97/0.94; personal 0.85/0.92); read in session 12 "
    "(a code that came by text, a certificate holder's DNI, a date of birth given a sentence later)"
    ": development since",
    "blind53": "the fifth session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 1.00/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 12 "
    "(no error)"
    ": development since",
    "blind54": "the sixth session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.98/0.98; with the token model 1.00/0.98; personal 1.00/0.96); read in session 12 "
    "(twin recovery codes, a registry setting after 'chiave')"
    ": development since",
    "blind55": "the seventh session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.95/1.00; with the token model 0.98/0.98; personal 1.00/0.93); read in session 12 "
    "(an app password run together in a chat, RMA numbers, a company's account)"
    ": development since",
    "blind56": "the eighth session-11 secrets blind test, scored on cb3299d (the rules "
    "alone 0.93/1.00; with the token model 0.97/1.00; personal 0.93/0.93); read in session 12 "
    "(a password manager's CSV export, NI numbers of any prefix after 'NI')"
    ": development since",
    "blind57": "the first session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.94/1.00; with the token model 0.97/1.00; personal 0.92/1.00); read in session 12 "
    "(a compound printer-release PIN, an alarm code in a chat, a corrected NIF, a German "
    "street written in two words)"
    ": development since",
    "blind58": "the second session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.89/0.98; with the token model 0.98/0.98; personal 1.00/1.00); read in session 12 "
    "(a gate keypad code in French; a crypt hash as a false alarm)"
    ": development since",
    "blind59": "the third session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.97/0.97; with the token model 0.98/0.95; personal 1.00/0.96); read in session 12 "
    "(Wi-Fi vouchers in 3-3-2 groups; RMA numbers, a placeholder connection string and a "
    "foundation's own numbers as false alarms)"
    ": development since",
    "blind60": "the fourth session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.97/1.00; with the token model 1.00/0.98; personal 1.00/0.83); read in session 12 "
    "(switchboard and published numbers, a vacant house's listing, integrated-auth "
    "connection strings as false alarms)"
    ": development since",
    "blind61": "the fifth session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.91/0.97; with the token model 1.00/0.94; personal 0.96/1.00); read in session 12 "
    "(a PIN mentioned without its value, policy names and asset numbers as false alarms)"
    ": development since",
    "blind62": "the sixth session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.94/1.00; with the token model 0.95/0.98; personal 0.96/0.96); read in session 12 "
    "(a one-time code, a Dutch alarm user code, a supervisor PIN in an e-mail; waybills as phones)"
    ": development since",
    "blind63": "the seventh session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.94/0.98; with the token model 1.00/0.98; personal 1.00/0.96); read in session 12 "
    "(a Spanish company's fiscal address, an empty password column)"
    ": development since",
    "blind64": "the eighth session-12 secrets blind test, scored on 0e54cf6 (the rules "
    "alone 0.88/1.00; with the token model 0.92/0.98; personal 1.00/0.93); read in session 12 "
    "(Redis requirepass, a password typed in a chat, a till manager code; a vendor's test BSN)"
    ": development since",
    "blind65": "the first session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.97/1.00; "
    "with the token model 0.98/0.98; personal 0.96/1.00); read in session 14 (a VAT number "
    "used as a zip password; a birthday in the next sentence; a base64 image as a false "
    "alarm)"
    ": development since",
    "blind66": "the second session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.95/1.00; "
    "with the token model 0.98/1.00; personal 1.00/0.96); read in session 14 (a TOTP seed "
    "after '(base32)'; a charity's own sort code)"
    ": development since",
    "blind67": "the third session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.95/1.00; "
    "with the token model 0.98/1.00; personal 0.96/0.93); read in session 14 (a card security"
    " code; a child's DOB after 'as'; a booking line and an NI format example)"
    ": development since",
    "blind68": "the fourth session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.91/1.00; "
    "with the token model 0.95/0.98; personal 1.00/1.00); read in session 14 (quoted "
    "passwords and keys with spaces)"
    ": development since",
    "blind69": "the fifth session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.94/0.98; "
    "with the token model 0.97/0.97; personal 1.00/1.00); read in session 14 (a password "
    "dictated in words; a plain word after an arrow)"
    ": development since",
    "blind70": "the sixth session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.94/1.00; "
    "with the token model 0.97/0.97; personal 0.96/0.96); read in session 14 (a keypad code "
    "in # and *; vouchers in groups of three; a private landline)"
    ": development since",
    "blind71": "the seventh session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.94/0.98; "
    "with the token model 0.95/0.97; personal 1.00/1.00); read in session 14 (a MAK after a "
    "public KMS key; a Portuguese app password; a mailbox's 'info@')"
    ": development since",
    "blind72": "the eighth session-12 secrets blind test "
    "(written in session 12, scored in session 13 on 6504821) (the rules alone 0.91/0.98; "
    "with the token model 0.92/0.97; personal 0.96/0.96); read in session 14 (door and alarm "
    "codes, a bare SMS code, a French unlock code, a TAP after an arrow; a supplier's IBAN)"
    ": development since",
    "blind73": "the first session-13 secrets blind test "
    "(written in session 13, focus: long reports; scored in session 14 on 6053ce4) (the rules"
    " alone 0.82/0.71; with the token model 0.97/0.66; personal 0.93/0.84); read in session "
    "14 (computer accounts, timestamps, file names, cmdlets and CSV rows as false alarms; a "
    "Google API key)"
    ": development since",
    "blind74": "the second session-13 secrets blind test "
    "(written in session 13, focus: other languages; scored in session 14 on 6053ce4) (the "
    "rules alone 0.73/0.94; with the token model 0.82/0.92; personal 0.96/0.96); read in "
    "session 14 (keypad and alarm digits without 'code'; a TOTP seed in groups; an office "
    "address)"
    ": development since",
    "blind75": "the third session-13 secrets blind test "
    "(written in session 13, focus: chat and calls; scored in session 14 on 6053ce4) (the "
    "rules alone 0.73/0.98; with the token model 0.88/0.97; personal 0.93/0.96); read in "
    "session 14 (a password in two halves, a Wi-Fi key read in pairs (left))"
    ": development since",
    "blind76": "the fourth session-13 secrets blind test "
    "(written in session 13, focus: pasted configuration; scored in session 14 on 6053ce4) "
    "(the rules alone 0.90/0.89; with the token model 0.95/0.81; personal 0.90/0.90); read in"
    " session 14 (a Wi-Fi key after 'clé'; env() and var. references; a line's access "
    "numbers)"
    ": development since",
    "blind77": "the fifth session-13 secrets blind test "
    "(written in session 13, focus: personal data; scored in session 14 on 6053ce4) (the "
    "rules alone 0.78/1.00; with the token model 0.92/1.00; personal 0.97/0.83); read in "
    "session 14 (a voucher in three groups; a firm's address after 'le cabinet est au')"
    ": development since",
    "blind78": "the sixth session-13 secrets blind test "
    "(written in session 13, focus: hard negatives; scored in session 14 on 6053ce4) (the "
    "rules alone 0.79/1.00; with the token model 0.85/0.94; personal 1.00/0.93); read in "
    "session 14 (a Wi-Fi key after 'chiave'; a day voucher; a contract number)"
    ": development since",
    "blind79": "the seventh session-13 secrets blind test "
    "(written in session 13, focus: PSA exports and e-mail; scored in session 14 on 6053ce4) "
    "(the rules alone 0.91/0.96; with the token model 0.98/0.97; personal 0.83/0.62); read in"
    " session 14 (signature lines under a sign-off; an NI number given as the format)"
    ": development since",
    "blind80": "the eighth session-13 secrets blind test "
    "(written in session 13, focus: operational technology; scored in session 14 on 6053ce4) "
    "(the rules alone 0.64/0.97; with the token model 0.75/0.96; personal 0.93/0.96); read in"
    " session 14 (a WEP key, a voucher in letter groups, alarm digits without 'code')"
    ": development since",
    "blind81": "the first session-14 secrets blind test "
    "(written in session 14, focus: terse shorthand; scored in session 15 on 45a3287) (the "
    "rules alone 0.66/0.98; with the token model 0.79/0.98; personal 1.00/1.00); read in "
    "session 15 (codes right after a keypad or door, '*...#', a till override, clock-in)"
    ": development since",
    "blind82": "the second session-14 secrets blind test "
    "(written in session 14, focus: calls and voice-to-text; scored in session 15 on "
    "45a3287) (the rules alone 0.73/0.98; with the token model 0.85/0.94; personal "
    "0.86/0.86); read in session 15 (numbers dictated in words in six languages, a key read "
    "in fours, a spelled e-mail)"
    ": development since",
    "blind83": "the third session-14 secrets blind test "
    "(written in session 14, focus: pasted structured content and PSA exports; scored in "
    "session 15 on 45a3287) (the rules alone 0.80/0.91; with the token model 0.92/0.89; "
    "personal 0.97/0.94); read in session 15 (crypt hashes, values shown cut or ENC, a "
    "table's DOB column)"
    ": development since",
    "blind84": "the fourth session-14 secrets blind test "
    "(written in session 14, focus: personal data; scored in session 15 on 45a3287) (the "
    "rules alone 0.85/1.00; with the token model 0.94/0.98; personal 0.90/0.75); read in "
    "session 15 (a firm's footer, dummy records, form hints, an Australian TFN)"
    ": development since",
    "blind85": "the first session-15 secrets blind test "
    "(written in session 15, focus: the six other languages and code-switching; scored in "
    "session 15 on caaa6bf) (the rules alone 0.89/1.00; with the token model 0.94/1.00; "
    "personal 0.94/0.94); read in session 16 (hex tokens after a comma, a LAPS password of "
    "letters, a German mobile, a Portuguese citizen card, a practice's address)"
    ": development since",
    "blind86": "the second session-15 secrets blind test "
    "(written in session 15, focus: long reports with pasted tool output; scored in session "
    "15 on caaa6bf) (the rules alone 0.89/0.87; with the token model 0.95/0.78; personal "
    "0.97/0.91); read in session 16 (header names, cipher suites, DKIM tags, SMTP prompts, "
    "SPIs, package names, LDAP DNs, an ASA's hashes, keyMaterial, 'clientgeheim')"
    ": development since",
    "blind87": "the third session-15 secrets blind test "
    "(written in session 15, focus: cloud and scripting; scored in session 15 on caaa6bf) "
    "(the rules alone 0.87/0.87; with the token model 0.93/0.86; personal 0.90/0.96; one "
    "line, B87-112, seen before scoring); read in session 16 (an access key ID alone, "
    "placeholders, redacted key blocks, commit hashes, an SDK's key, github_pat_, a payroll "
    "CSV row)"
    ": development since",
    "blind88": "the fourth session-15 secrets blind test "
    "(written in session 15, focus: people and front-office work; scored in session 15 on "
    "caaa6bf) (the rules alone 0.89/1.00; with the token model 0.92/1.00; personal "
    "1.00/0.94); read in session 16 (alarm codes at a 'central', codes set off by commas, a "
    "hotel's address, a main number repeated)"
    ": development since",
    "blind89": "the first session-16 secrets blind test "
    "(written in session 16, focus: e-mail threads and chats; scored in session 16 on "
    "6efcf50) (the rules alone 0.85/1.00; with the token model 0.92/0.96; personal "
    "0.98/0.82); read in session 16 (business addresses in quoted signatures and courier "
    "notices, a dial-in number, a customer number, a bank's 'código de operación')"
    ": development since",
    "blind90": "the second session-16 secrets blind test "
    "(written in session 16, focus: tables, CSV and config forms; scored in session 16 on "
    "6efcf50) (the rules alone 0.92/0.90; with the token model 0.93/0.82; personal "
    "0.83/0.97); read in session 16 (spans over a CSV row's cells, password columns named "
    "'initial_password', a Wi-Fi QR payload)"
    ": development since",
    "blind91": "the third session-16 secrets blind test "
    "(written in session 16, focus: physical sites and devices; scored in session 16 on "
    "6efcf50) (the rules alone 0.67/1.00; with the token model 0.92/1.00; personal "
    "1.00/0.80); read in session 16 (a business's address in brackets, a terminal's TID, "
    "eight-digit vouchers, a LoRaWAN AppKey)"
    ": development since",
    "blind92": "the fourth session-16 secrets blind test "
    "(written in session 16, focus: precision and odd forms; scored in session 16 on "
    "6efcf50) (the rules alone 0.65/0.97; with the token model 0.72/0.93; personal "
    "0.92/0.92); read in session 16 (spelling alphabets, Polish, Belgian and Swiss forms, "
    "phpass hashes)"
    ": development since",
    "blind93": "the fifth session-16 secrets blind test "
    "(written in session 16, focus: hasty handover and shift logs; scored in session 17 on "
    "3e78b29) (the rules alone 0.82/0.98; with the token model 0.92/0.98; personal "
    "0.97/1.00); read in session 17 (codes after 'cde' or a word naming their place, a PIN "
    "after its service, a retracted value, a German tax ID)"
    ": development since",
    "blind94": "the sixth session-16 secrets blind test "
    "(written in session 16, focus: security incidents and phishing; scored in session 17 "
    "on 3e78b29) (the rules alone 0.92/0.95; with the token model 0.98/0.95; personal "
    "0.94/1.00); read in session 17 (defanged indicators and addresses, a Bitcoin address, "
    "Safe Links signatures, a code sent to an attacker)"
    ": development since",
    "blind95": "the seventh session-16 secrets blind test "
    "(written in session 16, focus: people data in many countries; scored in session 17 on "
    "3e78b29) (the rules alone 0.88/1.00; with the token model 0.97/1.00; personal "
    "0.91/0.85); read in session 17 (Nordic, Australian and German ids by their check "
    "digits, professional register numbers, a rule's cut-off date, a TOTP seed)"
    ": development since",
    "blind96": "the eighth session-16 secrets blind test "
    "(written in session 16, focus: MSP tooling and automation; scored in session 17 on "
    "3e78b29) (the rules alone 0.93/0.97; with the token model 0.97/0.94; personal "
    "0.95/0.97); read in session 17 (password cells in quoted rows, references to secrets, "
    "base64 JSON, a Basic header in a dict)"
    ": development since",
    "blind97": "the first session-17 secrets blind test "
    "(written in session 17, focus: small offices and home users on site; scored in session"
    " 17 on 52013ea) (the rules alone 0.83/1.00; with the token model 0.88/1.00; personal "
    "0.95/1.00); read in session 17 (door codes after a colon in the next clause, a "
    "hyphenated 'Kennwort', a Wi-Fi key after 'entered', an NI number in a file name)"
    ": development since",
    "blind98": "the second session-17 secrets blind test "
    "(written in session 17, focus: long reports with values buried in output; scored in "
    "session 17 on 52013ea) (the rules alone 0.89/0.89; with the token model 0.98/0.85; "
    "personal 0.96/0.96); read in session 17 (DNSSEC records and pins, table cells naming "
    "secrets, a result cell's neighbour, a redacted key)"
    ": development since",
    "blind99": "the third session-17 secrets blind test "
    "(written in session 17, focus: cloud and SaaS administration; scored in session 17 on "
    "52013ea) (the rules alone 0.95/0.94; with the token model 0.98/0.94; personal "
    "0.95/0.97); read in session 17 (KMS client keys, an AWS key ID alone, banned-password "
    "lists, a backup code in two groups)"
    ": development since",
    "blind100": "the fourth session-17 secrets blind test "
    "(written in session 17, focus: end users' own words, chats and forwarded chains; "
    "scored in session 17 on 52013ea) (the rules alone 0.82/1.00; with the token model "
    "0.93/1.00; personal 0.97/0.85); read in session 17 (codes typed, arrived or changed in"
    " chats, a TOTP seed read out, a repeated business number)"
    ": development since",
    "blind101": "the fifth session-17 secrets blind test "
    "(written in session 17, focus: retail and hospitality; scored in session 17 on "
    "d2b8fc9) (the rules alone 0.89/1.00; with the token model 0.97/1.00; personal "
    "0.97/0.84); read in session 17 (receipt, terminal and reservation numbers, a "
    "business's own landline, a disarm code)"
    ": development since",
    "blind102": "the sixth session-17 secrets blind test "
    "(written in session 17, focus: legal, finance and accounting firms; scored in session "
    "17 on d2b8fc9) (the rules alone 0.90/0.98; with the token model 0.92/0.96; personal "
    "1.00/0.83); read in session 17 (courts' addresses, a published sort code, "
    "document-management IDs, a password read out after a colon)"
    ": development since",
    "blind103": "the seventh session-17 secrets blind test "
    "(written in session 17, focus: non-native writers and mixed languages; scored in "
    "session 17 on d2b8fc9) (the rules alone 0.88/0.98; with the token model 0.93/0.98; "
    "personal 0.95/0.93); read in session 17 (passwords after Czech, Polish and Nordic "
    "words, Czech and Turkish ID numbers, an admin code 'is now')"
    ": development since",
    "blind104": "the eighth session-17 secrets blind test "
    "(written in session 17, focus: building, OT and office devices; scored in session 17 "
    "on d2b8fc9) (the rules alone 0.87/0.93; with the token model 0.93/0.89; personal "
    "1.00/0.93); read in session 17 (documented vendor defaults, a key box's code, a "
    "facility code, a device named by its brand)"
    ": development since",
    "blind105": "the ninth session-17 secrets blind test "
    "(written in session 17, focus: schools, colleges and universities; scored in session "
    "17 on 8f6c9f8) (the rules alone 0.88/1.00; with the token model 0.93/0.98; personal "
    "0.95/0.95); read in session 18 (a print-release code, a safe's combination in German, "
    "a pupil's UPN and NHS number, a school's centre code and own address)"
    ": development since",
    "blind106": "the tenth session-17 secrets blind test "
    "(written in session 17, focus: transport, logistics and field service; scored in "
    "session 17 on 8f6c9f8) (the rules alone 0.92/1.00; with the token model 0.97/0.98; "
    "personal 1.00/0.93); read in session 18 (a token in capitals alone, a parcel box's "
    "code, trip, receipt and commodity numbers, a VIN)"
    ": development since",
    "blind107": "the eleventh session-17 secrets blind test "
    "(written in session 17, focus: PSA exports and custom fields; scored in session 17 on "
    "8f6c9f8) (the rules alone 0.98/0.98; with the token model 1.00/0.97; personal "
    "0.98/0.98); read in session 18 (a Windows product ID, a masked product key, a firm's "
    "number called so after it)"
    ": development since",
    "blind108": "the twelfth session-17 secrets blind test "
    "(written in session 17, focus: precision, dense with look-alikes; scored in session 17 "
    "on 8f6c9f8) (the rules alone 0.90/0.93; with the token model 1.00/0.91; personal "
    "0.97/0.89); read in session 18 (documented sample values and test records, a key's "
    "size, a DKIM body hash, a placeholder token, a quoted error, a seal's number)"
    ": development since",
    "blind109": "the first session-18 secrets blind test "
    "(written in session 18, focus: healthcare practices and care homes; scored in session 18 "
    "on cd07fb9) (the rules alone 0.83/0.98; with the token model 0.95/0.97; personal "
    "0.98/0.89); read in session 18 (a card's PIN in French, a linkage key, a Spanish Wi-Fi "
    "voucher, prescription, AGB and pet passport numbers, test patients)"
    ": development since",
    "blind110": "the second session-18 secrets blind test "
    "(written in session 18, focus: pasted chat transcripts and e-mail threads; scored in "
    "session 18 on cd07fb9) (the rules alone 0.80/0.91; with the token model 0.93/0.90; "
    "personal 0.97/0.88); read in session 18 (mail header fields and message IDs, quoted "
    "signatures, a code 'reçu', a TOTP seed typed instead of the QR, a dial-in number)"
    ": development since",
    "blind111": "the third session-18 secrets blind test "
    "(written in session 18, focus: joiners, movers and leavers; scored in session 18 on "
    "cd07fb9) (the rules alone 0.86/1.00; with the token model 0.97/0.98; personal "
    "1.00/1.00); read in session 18 (an alarm user's code, a licence serial in groups of six, "
    "an ImmutableId)"
    ": development since",
    "blind112": "the fourth session-18 secrets blind test "
    "(written in session 18, focus: commands and configuration pasted into notes; scored in "
    "session 18 on cd07fb9) (the rules alone 0.92/0.88; with the token model 0.97/0.80; "
    "personal 0.92/0.94); read in session 18 (an SNMPv3 user, RouterOS's pre-shared key, "
    "SIDs, X.500 addresses, sops ciphertext, CSS, a -HomePhone parameter)"
    ": development since",
    "blind113": "the fifth session-18 secrets blind test "
    "(written in session 18, focus: hotels, restaurants and hospitality; scored in session 18 "
    "on 83b6c3b) (the rules alone 0.85/0.93; with the token model 0.93/0.89; personal "
    "1.00/0.95); read in session 18 (a till operator's code, serial speeds, receipt "
    "signatures, booking codes, reservation numbers in a list, a restaurant's number)"
    ": development since",
    "blind114": "the sixth session-18 secrets blind test "
    "(written in session 18, focus: charities, churches, clubs and volunteers; scored in "
    "session 18 on 83b6c3b) (the rules alone 0.88/0.93; with the token model 0.97/0.94; "
    "personal 1.00/0.84); read in session 18 (a parish council's or an association's account, "
    "a community hall's address, a payment button's ID, an encryption's salt)"
    ": development since",
    "blind115": "the seventh session-18 secrets blind test "
    "(written in session 18, focus: notes dictated to a phone or typed in a hurry; scored in "
    "session 18 on 83b6c3b) (the rules alone 0.57/1.00; with the token model 0.61/1.00; "
    "personal 0.64/0.93); read in session 18 (values dictated key by key: spaced digits and "
    "letters, spoken symbols, e-mail addresses said aloud)"
    ": development since",
    "blind116": "the eighth session-18 secrets blind test "
    "(written in session 18, focus: security incidents and breach response; scored in "
    "session 18 on 83b6c3b) (the rules alone 0.93/0.95; with the token model 0.98/0.95; "
    "personal 1.00/1.00); read in session 18 (a password spray named, Monero addresses, "
    "ticket references, jasypt ciphertext)"
    ": development since",
    "blind117": "the ninth session-18 secrets blind test "
    "(written in session 18, focus: notes dictated to a phone, a second group of writers; "
    "scored in session 18 on 0e8e08c) (the rules alone 0.50/0.97; with the token model "
    "0.50/0.97; personal 0.40/0.89); read in session 18 (letters spelled with their case "
    "said before or after them)"
    ": development since",
    "blind118": "the tenth session-18 secrets blind test "
    "(written in session 18, focus: letting agents and property managers; scored in session 18 "
    "on 0e8e08c) "
    "(the rules alone 0.75/0.98; with the token model 0.95/0.98; personal 0.95/0.88); "
    "read in session 19 (a gate code between commas, a TOTP setup key a clause after its word, "
    "register and badge numbers)"
    ": development since",
    "blind119": "the eleventh session-18 secrets blind test "
    "(written in session 18, focus: home and hybrid workers; scored in session 18 on 0e8e08c) "
    "(the rules alone 0.85/1.00; with the token model 0.95/1.00; personal 1.00/0.84); "
    "read in session 19 (an app-specific password with hyphens, a Screen Time passcode between "
    "commas, work mobiles in four languages)"
    ": development since",
    "blind120": "the twelfth session-18 secrets blind test "
    "(written in session 18, focus: cloud identity; scored in session 18 on 0e8e08c) "
    "(the rules alone 0.90/0.96; with the token model 0.95/0.97; personal 1.00/1.00); "
    "read in session 19 (an account's reset link with its token)"
    ": development since",
    "blind121": "the thirteenth session-18 secrets blind test "
    "(written in session 18, focus: notes dictated to a phone, a third group of writers; scored"
    " in session 18 on 4de361e) "
    "(the rules alone 0.62/0.97; with the token model 0.62/0.97; personal 0.45/1.00); "
    "read in session 19 (values spelled with their case said, letters' names in five languages,"
    " keys read with commas, house numbers, UK postcodes, dates of birth and e-mail addresses "
    "said aloud)"
    ": development since",
    "blind122": "the fourteenth session-18 secrets blind test "
    "(written in session 18, focus: an ordinary week at a mid-sized MSP; scored in session 18 "
    "on 4de361e) "
    "(the rules alone 0.92/0.98; with the token model 0.97/0.97; personal 1.00/0.97); "
    "read in session 19 (a door code between a comma and a bracket)"
    ": development since",
    "blind123": (
        "the fifteenth secrets blind test (written in session 19, focus: notes dictated to a "
        "phone, a fourth group of writers; scored in session 20 on 0b3af07) (the rules alone "
        "0.55/0.97; with the token model 0.57/0.97; personal 0.66/0.86); read in sessions 20 "
        "and 21 (values read key by key with 'then' between, letters' names in the Romance "
        "languages, PINs said in words a sentence after their word, Iberian mobiles of nine "
        "digits)"
        ": development since"
    ),
    "blind124": (
        "the sixteenth secrets blind test (written in session 19, focus: law firms; scored in "
        "session 20 on 0b3af07) (the rules alone 0.88/0.96; with the token model 0.92/0.96; "
        "personal 0.95/0.92); read in sessions 20 and 21 (a GUID-shaped API key after a colon, "
        "look-alikes that address or label: extensions, numbers dialled, values named an ID)"
        ": development since"
    ),
    "blind125": (
        "the seventeenth secrets blind test (written in session 19, focus: manufacturing; "
        "scored in session 20 on 0b3af07) (the rules alone 0.85/0.98; with the token model "
        "0.95/0.95; personal 0.97/0.97); read in sessions 20 and 21 (machine PINs of 17 "
        "characters, licence servers' port@host, ZPL field data, CodeMeter and dongle numbers)"
        ": development since"
    ),
    "blind126": (
        "the eighteenth secrets blind test (written in session 19, focus: schools; scored in "
        "session 20 on 0b3af07) (the rules alone 0.90/0.98; with the token model 0.97/0.97; "
        "personal 1.00/0.98); read in sessions 20 and 21 (guest passes of capitals, vouchers "
        "starting with a zero, a Wi-Fi key of random letters)"
        ": development since"
    ),
    "blind127": (
        "the nineteenth secrets blind test (written in session 19, focus: notes dictated to a "
        "phone, a fifth group of writers; scored in session 20 on 0b3af07) (the rules alone "
        "0.58/0.90; with the token model 0.58/0.90; personal 0.69/0.84); read in sessions 20 "
        "and 21 (values read key by key, codes said in words, an own mobile after 'password "
        "reset:')"
        ": development since"
    ),
    "blind128": (
        "the twentieth secrets blind test (written in session 19, focus: construction and "
        "engineering firms; scored in session 20 on 0b3af07) (the rules alone 0.92/0.96; with "
        "the token model 0.98/0.95; personal 1.00/0.97); read in sessions 20 and 21 (a pre-"
        "shared key a clause after its word, a Cisco password of type 0)"
        ": development since"
    ),
    "blind129": (
        "the twenty-first secrets blind test (written in session 19, focus: end users' own "
        "words in chats and threads; scored in session 20 on 0b3af07) (the rules alone "
        "0.76/0.96; with the token model 0.92/0.93; personal 0.95/0.95); read in sessions 20 "
        "and 21 ('paswort', a bypass code between commas, a temporary password in brackets)"
        ": development since"
    ),
    "blind130": (
        "the twenty-second secrets blind test (written in session 19, focus: retail chains; "
        "scored in session 20 on 0b3af07) (the rules alone 0.90/0.98; with the token model "
        "0.95/0.97; personal 0.95/1.00); read in sessions 20 and 21 (a French guest portal, "
        "'btw' not a VAT number, GTIN/EAN/SSCC/UPC numbers)"
        ": development since"
    ),
    "blind131": (
        "the twenty-third secrets blind test (written in session 20, focus: notes dictated to a "
        "phone, a sixth group; scored in session 21 on a5290cd) (the rules alone 0.75/0.85; "
        "with the token model 0.78/0.85; personal 0.66/0.88); read in sessions 22 and 23 "
        "(words among keys between commas, ports and stop codes read out, phones in pairs, "
        "dates of birth in words, an e-mail spelled key by key): development since"
    ),
    "blind132": (
        "the twenty-fourth secrets blind test (written in session 20, focus: logistics, "
        "transport, field service; scored in session 21 on a5290cd) (the rules alone "
        "0.93/1.00; with the token model 0.95/1.00; personal 1.00/0.98); read in session 23 "
        "('jeton', 'code confidentiel', a range of badge numbers): development since"
    ),
    "blind133": (
        "the twenty-fifth secrets blind test (written in session 20, focus: dental, veterinary, "
        "opticians', physiotherapy; scored in session 21 on a5290cd) (the rules alone "
        "0.87/1.00; with the token model 0.93/1.00; personal 1.00/0.98); read in session 23 "
        "(digits alone after a password's word, 'Entra ID', 'PIN de fichaje', a GOC number)"
        ": development since"
    ),
    "blind134": (
        "the twenty-sixth secrets blind test (written in session 20, focus: a busy week at a "
        "small MSP, written tersely; scored in session 21 on a5290cd) (the rules alone "
        "0.88/1.00; with the token model 0.97/1.00; personal 1.00/0.98); read in session 23 "
        "(an app password of few vowels, an alarm code handed over, 'ref. avaria')"
        ": development since"
    ),
    "blind135": (
        "the twenty-seventh secrets blind test (written in session 23, focus: notes dictated to "
        "a phone, a seventh group; scored in session 23 on 0451cd6) (the rules alone 0.90/0.98; "
        "with the token model 0.92/0.98; personal 0.97/0.97); read in session 23 (words after "
        "their case, 'star', an alarm named in Spanish, an address said aloud): development since"
    ),
    "blind136": (
        "the twenty-eighth secrets blind test (written in session 23, focus: hotels, restaurants "
        "and catering; scored in session 23 on 0451cd6) (the rules alone 0.90/1.00; with the "
        "token model 1.00/1.00; personal 1.00/0.95); read in session 23 (an account's ID, a "
        "shouted 'SIN'): development since"
    ),
    "blind137": (
        "the twenty-ninth secrets blind test (written in session 23, focus: charities, churches, "
        "clubs and community groups; scored in session 23 on 0451cd6) (the rules alone 0.86/0.98; "
        "with the token model 0.95/0.95; personal 1.00/0.95); read in session 23 (a WordPress "
        "application password, a drawn token, an IMEI, an SSH public key's body, a code set in "
        "Dutch): development since"
    ),
    "blind138": (
        "the thirtieth secrets blind test (written in session 23, focus: PSA time entries and "
        "e-mail threads; scored in session 23 on 0451cd6) (the rules alone 0.93/1.00; with the "
        "token model 0.97/1.00; personal 0.93/0.93); read in session 23 (a key of drawn letters, "
        "a clinic's number, a Spanish floor and door, a nine-digit number named personal)"
        ": development since"
    ),
    "blind139": (
        "the thirty-first secrets blind test (written in session 23, focus: notes dictated to a "
        "phone, an eighth group; scored in session 23 on 67e6daf) (the rules alone 0.69/0.88; "
        "with the token model 0.79/0.89; personal 0.82/0.94); read in session 23 (French pairs, "
        "'elle' after a phone, KB articles read out): development since"
    ),
    "blind140": (
        "the thirty-second secrets blind test (written in session 23, focus: councils and the "
        "public sector; scored in session 23 on 67e6daf) (the rules alone 0.89/1.00; with the "
        "token model 0.97/0.98; personal 1.00/0.95); read in session 23 (a badge's 'n°')"
        ": development since"
    ),
    "blind141": (
        "the thirty-third secrets blind test (written in session 23, focus: home and home-office "
        "clients; scored in session 23 on 67e6daf) (the rules alone 0.88/1.00; with the token "
        "model 0.98/0.98; personal 0.95/0.93); read in session 23 (a Nextcloud app password, "
        "'n.º', a carrier's fault number): development since"
    ),
    "blind142": (
        "the thirty-fourth secrets blind test (written in session 23, focus: security incidents "
        "and phishing response; scored in session 23 on 67e6daf) (the rules alone 0.92/1.00; "
        "with the token model 0.98/1.00; personal 1.00/0.97); read in session 23 (an Azure "
        "DevOps PAT): development since"
    ),
    "blind143": (
        "the thirty-fifth secrets blind test (written in session 23, focus: notes dictated to a "
        "phone, a ninth group; scored in session 23 on 70462ec) (the rules alone 0.83/1.00; "
        "with the token model 0.90/1.00; personal 0.75/0.94); read in session 24 (the "
        "Italian and Portuguese spelling alphabets, a MAK in groups, IDs, addresses and dates "
        "said): development since"
    ),
    "blind144": (
        "the thirty-sixth secrets blind test (written in session 23, focus: a mixed week at an "
        "MSP; scored in session 23 on 70462ec) (the rules alone 0.98/1.00; with the token model "
        "1.00/1.00; personal 1.00/0.95); read in session 24 (a care home's address, a "
        "'kantoornummer'): development since"
    ),
    "blind145": (
        "the thirty-seventh secrets blind test (written in session 24, focus: notes dictated to "
        "a phone, a tenth group; scored in session 24 on 79af4c9) (the rules alone 0.68/0.93; "
        "with the token model 0.75/0.94; personal 0.82/1.00); read in session 24 (letters "
        "named by a word, 'X comme Xavier'; case words after the letter; a key's end said; "
        "IDs in capitals): development since"
    ),
    "blind146": (
        "the thirty-eighth secrets blind test (written in session 24, focus: law firms, "
        "notaries, accountants' and dental or veterinary practices; scored in session 24 on "
        "79af4c9) (the rules alone 0.97/1.00; with the token model 1.00/0.98; personal "
        "1.00/0.95); read in session 24 (an ISO 20022 file's name, a practice's fixed line, "
        "an office's address in brackets): development since"
    ),
    "blind147": (
        "the thirty-ninth secrets blind test (written in session 24, focus: factories, "
        "warehouses, transport and logistics; scored in session 24 on 79af4c9) (the rules "
        "alone 0.92/1.00; with the token model 0.95/0.98; personal 1.00/0.93); read in "
        "session 24 ('a temporary password of', a UniFi voucher after 'un bono', "
        "'Einmal-Wiederherstellungscodes', a vault entry's name): development since"
    ),
    "blind148": (
        "the fortieth secrets blind test (written in session 24, focus: onboarding, offboarding "
        "and documentation work; scored in session 24 on 79af4c9) (the rules alone 0.89/1.00; "
        "with the token model 0.97/1.00; personal 0.97/1.00); read in session 24 (a home "
        "address after 'home working'): development since"
    ),
    "blind149": (
        "the forty-first secrets blind test (written in session 24, focus: notes dictated to a "
        "phone, an eleventh group; scored in session 24 on 3d344ae) (the rules alone 0.80/0.96; "
        "with the token model 0.90/0.95; personal 0.80/0.94); read in session 24 ('X van Xxx', "
        "letters with their case alone, a key's groups with 'dash' said): development since"
    ),
    "blind150": (
        "the forty-second secrets blind test (written in session 24, focus: schools, colleges "
        "and universities; scored in session 24 on 3d344ae) (the rules alone 0.93/1.00; with "
        "the token model 0.97/0.98; personal 0.97/0.95); read in session 24 (a key's end after "
        "'...', a school's fixed line, 'n.'): development since"
    ),
    "blind151": (
        "the forty-third secrets blind test (written in session 24, focus: technicians writing "
        "in a language not their first; scored in session 24 on 3d344ae) (the rules alone "
        "0.92/0.98; with the token model 0.97/0.98; personal 1.00/0.95); read in session 24 "
        "(key words without their accents, 'CHANGE_ME' in backticks): development since"
    ),
    "blind152": (
        "the forty-fourth secrets blind test (written in session 24, focus: pasted RMM, script "
        "and automation output; scored in session 24 on 3d344ae) (the rules alone 0.92/1.00; "
        "with the token model 0.95/1.00; personal 1.00/0.98); read in session 24 ('net use' "
        "and lftp passwords, a key echoed into its file): development since"
    ),
    "blind153": (
        "the forty-fifth secrets blind test (written in session 24, focus: notes dictated to a "
        "phone, a twelfth group; scored in session 24 on 88e1f46) (the rules alone 0.67/0.93; "
        "with the token model 0.74/0.92; personal 0.82/0.92); read in session 25 (numbers said "
        "with hundreds and thousands, 'come' and 'number' inside spelled values, two pairs, a "
        "safe's turns, Dutch house numbers): development since"
    ),
    "blind154": (
        "the forty-sixth secrets blind test (written in session 24, focus: healthcare clients; "
        "scored in session 24 on 88e1f46) (the rules alone 0.90/0.98; with the token model "
        "0.95/0.98; personal 1.00/0.93); read in session 25 (a phone's screen lock, a nurses' "
        "station, a SIM on the agency's contract, 'Praxisadresse'): development since"
    ),
    "blind155": (
        "the forty-seventh secrets blind test (written in session 24, focus: retail and "
        "e-commerce; scored in session 24 on 88e1f46) (the rules alone 0.97/0.98; with the "
        "token model 0.98/0.97; personal 0.97/1.00); read in session 25 (recovery codes of few "
        "digits and the next one after 'and', 'support her mobile'): development since"
    ),
    "blind156": (
        "the forty-eighth secrets blind test (written in session 24, focus: long handover "
        "reports; scored in session 24 on 88e1f46) (the rules alone 0.88/0.95; with the token "
        "model 0.95/0.93; personal 1.00/0.87); read in session 25 (an app password after any "
        "password's colon, work lines, contract numbers, a SIP trunk's user): development since"
    ),
    "blind157": (
        "the forty-ninth secrets blind test (written in session 25, focus: notes dictated to a "
        "phone, a thirteenth group; scored in session 25 on dd98e4f) (the rules alone "
        "0.84/0.96; with the token model 0.87/0.96; personal 0.83/1.00); read in session 25 "
        "(three pairs, house numbers with their postcode said, 'codice AADSTS', a USB key's "
        "ID): development since"
    ),
    "blind158": (
        "the fiftieth secrets blind test (written in session 25, focus: finance clients; scored "
        "in session 25 on dd98e4f) (the rules alone 0.92/1.00; with the token model 0.95/1.00; "
        "personal 1.00/1.00); read in session 25 ('code de contournement', a hex key in "
        "brackets): development since"
    ),
    "blind159": (
        "the fifty-first secrets blind test (written in session 25, focus: chat transcripts "
        "pasted into notes; scored in session 25 on dd98e4f) (the rules alone 0.98/0.97; with "
        "the token model 1.00/0.94; personal 0.95/0.95); read in session 25 ('werknummer'): "
        "development since"
    ),
    "blind160": (
        "the fifty-second secrets blind test (written in session 25, focus: infrastructure and "
        "developer clients; scored in session 25 on dd98e4f) (the rules alone 0.92/0.98; with "
        "the token model 0.97/0.95; personal 1.00/0.98); read in session 25 (a Terraform Cloud "
        "token, 'msgid', a short DKIM key's tail): development since"
    ),
    "blind161": (
        "the fifty-third secrets blind test (written in session 25, focus: notes dictated to a "
        "phone, a fourteenth group; scored in session 25 on e82fd1a) (the rules alone "
        "0.63/0.90; with the token model 0.63/0.90; personal 0.93/0.97); read in session 25 "
        "(passwords said as a word, a symbol's name, a word and a number; recovery keys typed "
        "by dictation with 'dash' or 'min' said): development since"
    ),
    "blind162": (
        "the fifty-fourth secrets blind test (written in session 25, focus: property managers "
        "and housing associations; scored in session 25 on e82fd1a) (the rules alone "
        "0.95/0.98; with the token model 1.00/0.98; personal 0.95/0.88); read in session 25: "
        "development since"
    ),
    "blind163": (
        "the fifty-fifth secrets blind test (written in session 25, focus: the MSP's own "
        "internal work; scored in session 25 on e82fd1a) (the rules alone 0.95/0.98; with the "
        "token model 0.95/0.98; personal 1.00/0.93); read in session 25: development since"
    ),
    "blind164": (
        "the fifty-sixth secrets blind test (written in session 25, focus: notes typed in a "
        "hurry on a phone keyboard; scored in session 25 on e82fd1a) (the rules alone "
        "0.87/1.00; with the token model 0.97/0.95; personal 1.00/1.00); read in session 25: "
        "development since"
    ),
    "blind165": (
        "the fifty-seventh secrets blind test (written in session 25, focus: notes dictated to "
        "a phone, a fifteenth group; scored in session 25 on 3701fe0) (the rules alone "
        "0.77/0.96; with the token model 0.83/0.96; personal 0.80/0.97); read in session 26 "
        "(the symbol said twice in a passphrase, two words and a number after a password's "
        "word, letters spelled after 'pw' or 'temp', Dutch 'X van Name', a recovery key with "
        "thousands' separators, a gate's code after 'Portão ...:', a dictated IBAN's country "
        "apart): development since"
    ),
    "blind166": (
        "the fifty-eighth secrets blind test (written in session 25, focus: field engineers "
        "and remote sites; scored in session 25 on 3701fe0) (the rules alone 0.93/0.98; with "
        "the token model 0.97/0.97; personal 1.00/0.91); read in session 26 (a password of "
        "letters whose case changes as no word's does; not secrets: a job's number, a crash "
        "frame's library and offset): development since"
    ),
    "blind167": (
        "the fifty-ninth secrets blind test (written in session 25, focus: forwarded e-mail "
        "threads; scored in session 25 on 3701fe0) (the rules alone 0.97/1.00; with the token "
        "model 1.00/1.00; personal 0.95/0.88); read in session 26 (a house's name such as 'The "
        "Old Forge' before its street; 'my own mobile' in a quoted signature): development since"
    ),
    "blind168": (
        "the sixtieth secrets blind test (written in session 25, focus: mixed languages and "
        "machine translation; scored in session 25 on 3701fe0) (the rules alone 0.97/1.00; "
        "with the token model 1.00/0.97; personal 1.00/0.98); read in session 26 (not secrets: "
        "a recovery key's ID after 'sleutel-ID' or 'ID chiave'): development since"
    ),
    "blind169": (
        "the sixty-first secrets blind test (written in session 26, focus: notes dictated to a "
        "phone, a sixteenth group; scored in session 26 on 21df6e6) (the rules alone "
        "0.87/0.98; with the token model 0.88/0.98; personal 0.88/0.95); read in session 26 "
        "(a code as two pairs after 'nouveau code', a Wi-Fi key of digits after a colon later "
        "in its sentence, letters spelled with their word after them, 'étoile'): development "
        "since"
    ),
    "blind170": (
        "the sixty-second secrets blind test (written in session 26, focus: schools, colleges "
        "and universities; scored in session 26 on 21df6e6) (the rules alone 0.93/1.00; with "
        "the token model 0.95/1.00; personal 0.95/1.00); read in session 26 (an "
        "authenticator's setup key in base32 groups; a pupil's date of birth after 2008; a "
        "parent's mobile): development since"
    ),
    "blind171": (
        "the sixty-third secrets blind test (written in session 26, focus: notes pasted from "
        "tools; scored in session 26 on 21df6e6) (the rules alone 0.93/0.98; with the token "
        "model 0.97/0.98; personal 0.90/0.95); read in session 26 (a .psk file printed by "
        "'cat', vouchers from a 'hotspot manager', a number after 'tel:' and called someone's "
        "own in the next line): development since"
    ),
    "blind172": (
        "the sixty-fourth secrets blind test (written in session 26, focus: retail, "
        "hospitality and franchise sites; scored in session 26 on 21df6e6) (the rules alone "
        "0.90/1.00; with the token model 0.93/1.00; personal 1.00/0.98); read in session 26 "
        "(a hex token after 'token de integración', a waiter's 'Kellnercode'): development "
        "since"
    ),
    "blind173": (
        "the sixty-fifth secrets blind test (written in session 26, focus: notes dictated to a "
        "phone, a seventeenth group; scored in session 26 on 009817a) (the rules alone "
        "0.88/0.91; with the token model 0.92/0.92; personal 0.88/0.95); read in session 26 "
        "(two words and a number after 'Old one was' or 'password ... was'; not secrets: a MAC "
        "address read in pairs, a tracking code, an extension after 'Durchwahl'): development "
        "since"
    ),
    "blind174": (
        "the sixty-sixth secrets blind test (written in session 26, focus: legal and "
        "accountancy practices; scored in session 26 on 009817a) (the rules alone 0.95/1.00; "
        "with the token model 0.97/1.00; personal 1.00/1.00); read in session 26 (a secret in "
        "a GUID's shape after 'new one'): development since"
    ),
    "blind175": (
        "the sixty-seventh secrets blind test (written in session 26, focus: notes by junior "
        "technicians and apprentices; scored in session 26 on 009817a) (the rules alone "
        "0.93/1.00; with the token model 0.98/0.98; personal 0.97/1.00); read in session 26 "
        "(GitHub-shaped recovery codes a sentence after their word, a date of birth with a "
        "two-digit year, a group's name): development since"
    ),
    "blind176": (
        "the sixty-eighth secrets blind test (written in session 26, focus: manufacturing "
        "plants and warehouses; scored in session 26 on 009817a) (the rules alone 0.95/1.00; "
        "with the token model 0.98/0.98; personal 1.00/0.87); read in session 26 ('codice "
        "dell'antifurto', an account's number): development since"
    ),
    "blind177": (
        "the sixty-ninth secrets blind test (written in session 26, focus: notes dictated to a "
        "phone, an eighteenth group; scored in session 26 on f58c3d9) (the rules alone "
        "0.85/0.98; with the token model 0.95/0.98; personal 0.90/1.00); read in session 27 (a "
        "passphrase of words with the dash said, a word with its capital said, a number and a "
        "symbol, a date of birth with 'slash' said, a mobile said in parts): development since"
    ),
    "blind178": (
        "the seventieth secrets blind test (written in session 26, focus: healthcare clients; "
        "scored in session 26 on f58c3d9) (the rules alone 0.95/1.00; with the token model "
        "0.98/1.00; personal 0.95/1.00); read in session 27 ('PIN.SMC', a German health "
        "insurance number, 'Privatadresse'): development since"
    ),
    "blind179": (
        "the seventy-first secrets blind test (written in session 26, focus: charities, "
        "churches and clubs; scored in session 26 on f58c3d9) (the rules alone 0.82/1.00; with "
        "the token model 0.97/0.95; personal 1.00/1.00); read in session 27 (three words joined "
        "by hyphens as a password; for the token model, an error's code and a system's name): "
        "development since"
    ),
    "blind180": (
        "the seventy-second secrets blind test (written in session 26, focus: bullet points, "
        "key: value lists and markdown tables; scored in session 26 on f58c3d9) (the rules "
        "alone 0.95/1.00; with the token model 0.98/0.98; personal 0.90/1.00); read in session "
        "27 (a table's column of new codes, bank details and addresses in a table's rows): "
        "development since"
    ),
    "blind181": (
        "the seventy-third secrets blind test (written in session 27, focus: notes dictated to "
        "a phone, a nineteenth group; scored in session 27 on 93ff294) (the rules alone "
        "0.87/0.93; with the token model 0.92/0.93; personal 0.82/0.97); read in session 27 "
        "(passwords spelled with 'big' and 'small' or 'kaufmännisches Und', identity numbers "
        "dictated in groups, a phone said in parts without a word between; not secrets: an "
        "error's code, a fingerprint, a customer's code spelled): development since"
    ),
    "blind182": (
        "the seventy-fourth secrets blind test (written in session 27, focus: finance, "
        "insurance brokers and estate agents; scored in session 27 on 93ff294) (the rules "
        "alone 0.89/0.98; with the token model 0.95/0.98; personal 1.00/0.93); read in session "
        "27 ('bypass for <user>', a bank's activation code, a registration code a clause "
        "after its word; not phones: a policy's and a customer's numbers): development since"
    ),
    "blind183": (
        "the seventy-fifth secrets blind test (written in session 27, focus: remote and hybrid "
        "workers and field engineers; scored in session 27 on 93ff294) (the rules alone "
        "0.92/1.00; with the token model 0.98/1.00; personal 1.00/0.89); read in session 27 "
        "(a keypad code after 'the new one,'; offices' addresses and lines taken for homes): "
        "development since"
    ),
    "blind184": (
        "the seventy-sixth secrets blind test (written in session 27, focus: long incident "
        "write-ups; scored in session 27 on 93ff294) (the rules alone 0.97/0.98; with the "
        "token model 0.98/0.95; personal 1.00/0.95); read in session 27 (backup codes of "
        "letters and digits in two fives; not secrets: a template's variable, a SIM's ICCID, "
        "a bag's number): development since"
    ),
    "blind185": (
        "the seventy-seventh secrets blind test (written in session 27, focus: notes dictated "
        "to a phone, a twentieth group; scored in session 27 on 64a8f5c) (the rules alone "
        "0.84/0.96; with the token model 0.85/0.96; personal 0.88/1.00); read in session 27 "
        "(three or four words and a number after a key's or password's word, a key box's code "
        "in pairs; not secrets: a VAT number, an SSH public key spelled): development since"
    ),
    "blind186": (
        "the seventy-eighth secrets blind test (written in session 27, focus: construction, "
        "property management and facilities; scored in session 27 on 64a8f5c) (the rules "
        "alone 0.93/1.00; with the token model 0.98/0.98; personal 1.00/0.98); read in session "
        "27 (an OpenWrt option's key; not personal: a lift car's line): development since"
    ),
    "blind187": (
        "the seventy-ninth secrets blind test (written in session 27, focus: public sector, "
        "councils and housing associations; scored in session 27 on 64a8f5c) (the rules alone "
        "0.98/1.00; with the token model 0.98/1.00; personal 1.00/1.00); read in session 27 (a "
        "digital lock's code): development since"
    ),
    "blind188": (
        "the eightieth secrets blind test (written in session 27, focus: notes mixing two "
        "languages; scored in session 27 on 64a8f5c) (the rules alone 0.92/1.00; with the token "
        "model 0.97/0.98; personal 1.00/1.00); read in session 27 ('clé du réseau invités', an "
        "account's recovery code in capital groups): development since"
    ),
    "blind189": (
        "the eighty-first secrets blind test (written in session 27, focus: notes dictated to "
        "a phone, a twenty-first group; scored in session 27 on 139d34a) (the rules alone "
        "0.87/1.00; with the token model 0.93/1.00; personal 0.82/0.97); read in session 28 (a "
        "password spelled after 'a temporary one', a digicode's letter and pairs, a PIN said "
        "as two hundreds, a NIF and a NIR said with a group led by a zero): development since"
    ),
    "blind190": (
        "the eighty-second secrets blind test (written in session 27, focus: media, marketing "
        "and creative agencies; scored in session 27 on 139d34a) (the rules alone 0.97/0.98; "
        "with the token model 1.00/0.98; personal 1.00/0.97); read in session 28 (not secret: "
        "a design file's key; not personal: a studio's premises): development since"
    ),
    "blind191": (
        "the eighty-third secrets blind test (written in session 27, focus: vets, farms and "
        "rural businesses; scored in session 27 on 139d34a) (the rules alone 0.98/1.00; with "
        "the token model 0.98/1.00; personal 1.00/0.95); read in session 28 (a backup code "
        "after 'reservecodes,'; not personal: a lab accession, a work address after 'his "
        "own'): development since"
    ),
    "blind192": (
        "the eighty-fourth secrets blind test (written in session 27, focus: very short notes "
        "typed on a phone; scored in session 27 on 139d34a) (the rules alone 0.84/1.00; with "
        "the token model 0.93/1.00; personal 0.97/0.97); read in session 28 (values typed "
        "against their words, 'cod alarma', 'codice di backup'; not personal: a carrier's "
        "case): development since"
    ),
    "blind193": (
        "the eighty-fifth secrets blind test (written in session 28, focus: notes dictated to "
        "a phone, a twenty-second group; scored in session 28 on b09baf0) (the rules alone "
        "0.84/0.96; with the token model 0.90/0.96; personal 0.90/0.92); read in session 28 "
        "(words and a number followed by how to type them, 'doppio', a Duo bypass in threes, "
        "a DNI and mobiles dictated, an e-mail with 'ät'): development since"
    ),
    "blind194": (
        "the eighty-sixth secrets blind test (written in session 28, focus: construction firms "
        "and field engineers on sites; scored in session 28 on b09baf0) (the rules alone "
        "1.00/1.00; with the token model 1.00/1.00; personal 0.97/1.00); read in session 28 (a "
        "personal mobile before '(company phone ...)'): development since"
    ),
    "blind195": (
        "the eighty-seventh secrets blind test (written in session 28, focus: e-mail threads "
        "and chat transcripts pasted into notes; scored in session 28 on b09baf0) (the rules "
        "alone 0.92/0.97; with the token model 0.98/0.97; personal 1.00/0.76); read in session "
        "28 (signature lines with a role, a website or the sender's firm; the cleaners' alarm "
        "code): development since"
    ),
    "blind196": (
        "the eighty-eighth secrets blind test (written in session 28, focus: hotels, "
        "restaurants, gyms and leisure venues; scored in session 28 on b09baf0) (the rules "
        "alone 0.94/1.00; with the token model 1.00/0.98; personal 1.00/1.00); read in session "
        "28 (a MAC address cut at its colon): development since"
    ),
    "blind197": (
        "the eighty-ninth secrets blind test (written in session 28, focus: voicemails "
        "transcribed and notes dictated, a twenty-third group; scored in session 28 on "
        "21436db) (the rules alone 0.75/1.00; with the token model 0.83/1.00; personal "
        "0.97/1.00); read in session 28 (a capital said with its letter and a word that starts "
        "with it, a keypad's star and hash said): development since"
    ),
    "blind198": (
        "the ninetieth secrets blind test (written in session 28, focus: schools, colleges and "
        "universities; scored in session 28 on 21436db) (the rules alone 0.92/0.98; with the "
        "token model 0.97/0.98; personal 0.97/1.00); read in session 28 (an electronic lock's "
        "code; a message ID's tail): development since"
    ),
    "blind199": (
        "the ninety-first secrets blind test (written in session 28, focus: tool output and "
        "config pasted into notes; scored in session 28 on 21436db) (the rules alone "
        "0.82/0.91; with the token model 0.92/0.90; personal 0.84/0.94); read in session 28 "
        "(XML elements named for a secret, a config comment's 'own mobile', an SSN; not "
        "secrets: an error's code, a switch's prompt): development since"
    ),
    "blind200": (
        "the ninety-second secrets blind test (written in session 28, focus: law firms, "
        "accountants and letting agents; scored in session 28 on 21436db) (the rules alone "
        "0.92/0.97; with the token model 0.93/0.97; personal 1.00/1.00); read in session 28 "
        "('TAP' after a dash, 'changed it to', 'logged in with'): development since"
    ),
    "blind201": (
        "the ninety-third secrets blind test (written in session 28, focus: call transcripts "
        "and notes dictated after calls, a twenty-fourth group; scored in session 28 on "
        "e052ab6) (the rules alone 0.97/0.98; with the token model 0.98/0.97; personal "
        "0.97/0.93); read in session 28 (words joined by 'underscore' said; not personal: a "
        "transcript's time before a speaker): development since"
    ),
    "blind202": (
        "the ninety-fourth secrets blind test (written in session 28, focus: GP surgeries, "
        "dental practices, pharmacies and care homes; scored in session 28 on e052ab6) (the "
        "rules alone 0.90/1.00; with the token model 1.00/1.00; personal 0.97/0.97); read in "
        "session 28: development since"
    ),
    "blind203": (
        "the ninety-fifth secrets blind test (written in session 28, focus: manufacturing, "
        "warehouses and logistics; scored in session 28 on e052ab6) (the rules alone "
        "0.94/1.00; with the token model 0.97/0.98; personal 1.00/0.93); read in session 28 "
        "(\"code d'alarme\"; not personal: a gatehouse, a desk line, 'Storing'): development "
        "since"
    ),
    "blind204": (
        "the ninety-sixth secrets blind test (written in session 28, focus: notes in English by "
        "technicians whose first language is another; scored in session 28 on e052ab6) (the "
        "rules alone 0.95/0.98; with the token model 0.97/0.98; personal 0.92/1.00); read in "
        "session 28 (a NIR named 'social security number'; not secrets: a drive's letter "
        "'P:'): development since"
    ),
    "blind205": (
        "the ninety-seventh secrets blind test (written in session 28, focus: notes dictated "
        "while walking or driving, a twenty-fifth group; scored in session 28 on 84868ab) (the "
        "rules alone 0.88/1.00; with the token model 0.95/1.00; personal 0.97/1.00); read in "
        "session 29 (a key's groups with 'Bindestrich' said, an alarm code in two pairs, "
        "'defini', a 'Steuer ID'): development since"
    ),
    "blind206": (
        "the ninety-eighth secrets blind test (written in session 28, focus: charities, "
        "churches, clubs and volunteer-run bodies; scored in session 28 on 84868ab) (the rules "
        "alone 0.94/0.97; with the token model 1.00/0.97; personal 1.00/1.00); read in session "
        "29 (not secrets: a Stripe publishable key, a serial led by 'PW'): development since"
    ),
    "blind207": (
        "the ninety-ninth secrets blind test (written in session 28, focus: security incidents "
        "and phishing investigations; scored in session 28 on 84868ab) (the rules alone "
        "0.98/1.00; with the token model 0.98/0.98; personal 1.00/0.97); read in session 29 "
        "('passa a ser'; not secrets: a vendor's ticket; not personal: a team's shared "
        "handset): development since"
    ),
    "blind208": (
        "the hundredth secrets blind test (written in session 28, focus: retail chains and "
        "franchises; scored in session 28 on 84868ab) (the rules alone 0.94/1.00; with the "
        "token model 0.98/1.00; personal 1.00/0.97); read in session 29 (a generated value "
        "an account was used with; not personal: a card terminal's merchant number): "
        "development since"
    ),
    "blind209": (
        "the hundred-and-first secrets blind test (written in session 29, focus: notes dictated "
        "by field technicians to a phone's speech-to-text, a twenty-sixth group; scored in "
        "session 29 on 633d8d8) (the rules alone 0.84/0.98; with the token model 0.85/0.96; "
        "personal 0.97/0.97); read in session 29 ('plus' and 'question mark' said, 'for' and "
        "'to' heard for digits; not personal: a business number that stays): development since"
    ),
    "blind210": (
        "the hundred-and-second secrets blind test (written in session 29, focus: farms, "
        "co-operatives, garden centres, vets and rural businesses; scored in session 29 on "
        "633d8d8) (the rules alone 0.89/0.98; with the token model 0.98/0.98; personal "
        "0.97/0.95); read in session 29 (a Brevo key, an Irish address with its Eircode; not "
        "secrets: a machine's alarm number; not personal: a card number misread, a workplace "
        "seat): development since"
    ),
    "blind211": (
        "the hundred-and-third secrets blind test (written in session 29, focus: shift handover "
        "notes in a 24/7 network operations centre; scored in session 29 on 633d8d8) (the rules "
        "alone 0.87/0.98; with the token model 0.95/0.97; personal 1.00/1.00); read in session "
        "29 (an OSPF key in clear, a 'Technikercode'; not secrets: a dedup key, a password "
        "manager's name): development since"
    ),
    "blind212": (
        "the hundred-and-fourth secrets blind test (written in session 29, focus: design "
        "agencies, photographers, studios, printers and publishers; scored in session 29 on "
        "633d8d8) (the rules alone 0.95/0.97; with the token model 0.97/0.97; personal "
        "1.00/0.95); read in session 29 ('Netzwerkschlüssel', 'código teclado'; not secrets: an "
        "Adobe organisation's ID, a Dropbox team ID; not personal: a number with its extension "
        "after it): development since"
    ),
    "blind213": (
        "the hundred-and-fifth secrets blind test (written in session 29, focus: notes typed on "
        "a phone with autocorrect in the way; scored in session 29 on d19e867) (the rules alone "
        "0.93/1.00; with the token model 0.98/1.00; personal 0.97/1.00); read in session 29 "
        "('Schlussel' without its umlaut, a passport number a sentence after its word): "
        "development since"
    ),
    "blind214": (
        "the hundred-and-sixth secrets blind test (written in session 29, focus: property "
        "management, housing associations, student accommodation and letting agencies; scored "
        "in session 29 on d19e867) (the rules alone 0.88/1.00; with the token model 0.98/1.00; "
        "personal 1.00/1.00); read in session 29 (a keypad 'reprogrammé avec le code' and a "
        "lettered code): development since"
    ),
    "blind215": (
        "the hundred-and-seventh secrets blind test (written in session 29, focus: taxi, bus "
        "and coach firms, driving schools, couriers and removals; scored in session 29 on "
        "d19e867) (the rules alone 0.95/1.00; with the token model 1.00/1.00; personal "
        "0.97/0.97); read in session 29 (a date of birth 'corrected to'; not personal: a serial "
        "with its device named between): development since"
    ),
    "blind216": (
        "the hundred-and-eighth secrets blind test (written in session 29, focus: migrations "
        "and bulk changes with pasted CSV rows, PowerShell output and tool logs; scored in "
        "session 29 on d19e867) (the rules alone 0.89/1.00; with the token model 0.90/0.98; "
        "personal 0.92/0.97); read in session 29 (passwords in headerless rows, a key of "
        "letters a generator drew, 'NI numbers'; not secrets: a status's name; not personal: "
        "'our own' rep): development since"
    ),
    "blind217": (
        "the hundred-and-ninth secrets blind test (written in session 29, focus: notes dictated "
        "at night by on-call engineers, values read back, a twenty-seventh group; scored in "
        "session 29 on c4b751b) (the rules alone 0.97/0.98; with the token model 0.98/0.98; "
        "personal 0.97/1.00); read in session 29 (a number said in words, 'that's his own "
        "mobile'; not secrets: a digest's 'sha256'): development since"
    ),
    "blind218": (
        "the hundred-and-tenth secrets blind test (written in session 29, focus: town and parish "
        "councils, libraries and museums; scored in session 29 on c4b751b) (the rules alone "
        "0.93/1.00; with the token model 0.97/1.00; personal 0.97/1.00); read in session 29 "
        "('Kassa-pincode', a private mobile named a long sentence before): development since"
    ),
    "blind219": (
        "the hundred-and-eleventh secrets blind test (written in session 29, focus: Teams and "
        "Slack chats pasted into tickets; scored in session 29 on c4b751b) (the rules alone "
        "0.92/1.00; with the token model 0.97/1.00; personal 0.97/0.97); read in session 29 "
        "(digits a chat message says to use, a number given for want of a work phone; not "
        "personal: numbers in e-mail signatures, a direct dial given as an example): "
        "development since"
    ),
    "blind220": (
        "the hundred-and-twelfth secrets blind test (written in session 29, focus: event venues, "
        "conference centres, AV hire and pop-up offices; scored in session 29 on c4b751b) (the "
        "rules alone 0.97/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in "
        "session 29 (no error to mend): development since"
    ),
    "blind221": (
        "the hundred-and-thirteenth secrets blind test (written in session 29, focus: notes "
        "dictated in English by non-native speakers; scored in session 29 on c6e0c3b) (the rules "
        "alone 0.94/1.00; with the token model 1.00/1.00; personal 1.00/0.97); read in session "
        "30 (not personal: a firm's general number in Dutch): development since"
    ),
    "blind222": (
        "the hundred-and-fourteenth secrets blind test (written in session 29, focus: payroll "
        "bureaus; scored in session 29 on c6e0c3b) (the rules alone 0.90/1.00; with the token "
        "model 0.97/1.00; personal 1.00/0.95); read in session 30 (a passphrase of spaced words "
        "after its word, an alarm's user code for a team; not personal: a receipt's number, an "
        "IP address after a word ending like a Dutch street): development since"
    ),
    "blind223": (
        "the hundred-and-fifteenth secrets blind test (written in session 29, focus: factory-floor "
        "OT; scored in session 29 on c6e0c3b) (the rules alone 0.92/1.00; with the token model "
        "0.97/1.00; personal 1.00/0.97); read in session 30 (backup codes as 'codici di riserva', "
        "a token updated in a script to its hex value; not personal: a mobile on the firm's "
        "contract): development since"
    ),
    "blind224": (
        "the hundred-and-sixteenth secrets blind test (written in session 29, focus: notes "
        "carrying long pasted customer e-mails with signatures, disclaimers and quoted replies; "
        "scored in session 29 on c6e0c3b) (the rules alone 0.95/0.98; with the token model "
        "0.98/0.98; personal 0.97/0.72); its personal false alarms read in session 29 (a pasted "
        "mail's signature lines under a firm's sender; blind221-223 not read): development since"
    ),
    "blind225": (
        "the hundred-and-seventeenth secrets blind test (written in session 30, focus: charities, "
        "churches and volunteer-run organisations, notes by people who are not IT staff; scored "
        "in session 30 on 08dc9d0) (the rules alone 0.89/1.00; with the token model 0.97/1.00; "
        "personal 1.00/0.93); read in session 30 (a safe's 'Zahlenkombination', a token in "
        "brackets after 'API keys'; not personal: a vendor's reference 'was', a premises' "
        "landline): development since"
    ),
    "blind226": (
        "the hundred-and-eighteenth secrets blind test (written in session 30, focus: "
        "remote-support session logs and chat transcripts; scored in session 30 on 08dc9d0) (the "
        "rules alone 0.97/1.00; with the token model 1.00/1.00; personal 1.00/0.97); read in "
        "session 30 (not personal: a remote-control tool's address): development since"
    ),
    "blind227": (
        "the hundred-and-nineteenth secrets blind test (written in session 30, focus: customer "
        "voicemails through speech-to-text; scored in session 30 on 08dc9d0) (the rules alone "
        "0.93/1.00; with the token model 0.97/1.00; personal 0.92/0.95); read in session 30 "
        "('equals' said for '=', a Wi-Fi key of letters at random; a BSN after 'bsn', 'steuer i "
        "d', an NI number's letters apart; not personal: a fob's number, 'the company one'): "
        "development since"
    ),
    "blind228": (
        "the hundred-and-twentieth secrets blind test (written in session 30, focus: structured "
        "hand-over documents with key: value lines, YAML, INI and tables; scored in session 30 "
        "on 08dc9d0) (the rules alone 1.00/0.98; with the token model 1.00/0.94; personal "
        "0.97/0.95); read in session 30 (a personal mobile for want of a work phone in Italian; "
        "not secrets: fob numbers after a colon; not personal: a vendor's ticket, a list of "
        "direct dials): development since"
    ),
    "blind229": (
        "the hundred-and-twenty-first secrets blind test (written in session 30, focus: notes "
        "typed in a hurry with shorthand; scored in session 30 on df65cf8) (the rules alone "
        "0.90/1.00; with the token model 0.95/1.00; personal 0.97/1.00); read in session 30 "
        "('erstpw', an app password's sixteen letters, a password re-entered; a NIF after 'nif' "
        "in lower case): development since"
    ),
    "blind230": (
        "the hundred-and-twenty-second secrets blind test (written in session 30, focus: long "
        "troubleshooting narratives; scored in session 30 on df65cf8) (the rules alone "
        "0.92/0.98; with the token model 0.98/0.98; personal 0.97/0.97); read in session 30 (a "
        "TOTP seed a few words after 'segreto', a BSN far after 'BSN'; not secrets: a mailbox's "
        "short name; not personal: an invoice after 'NIF de consumidor final'): development "
        "since"
    ),
    "blind231": (
        "the hundred-and-twenty-third secrets blind test (written in session 30, focus: English "
        "by technicians whose first language is another; scored in session 30 on df65cf8) (the "
        "rules alone 0.98/1.00; with the token model 0.98/0.98; personal 0.95/1.00); read in "
        "session 30 ('netwerksleutel', a Steuer-ID after 'tax identification number', a "
        "passport number two sentences on; not secrets: a product's name glued to a noun): "
        "development since"
    ),
    "blind232": (
        "the hundred-and-twenty-fourth secrets blind test (written in session 30, focus: taking "
        "over a client from another MSP; scored in session 30 on df65cf8) (the rules alone "
        "0.98/1.00; with the token model 1.00/0.98; personal 1.00/0.97); read in session 30 "
        "(not secrets: identifiers listed after their name; not personal: a case number with "
        "what it is for between): development since"
    ),
    "blind233": (
        "the hundred-and-twenty-fifth secrets blind test (written in session 30, focus: notes "
        "dictated in all seven languages; scored in session 30 on d5ea165) (the rules alone "
        "0.90/1.00; with the token model 0.92/1.00; personal 0.97/0.97); read in session 30 (a "
        "product key's groups parted with spaces; not personal: a tracking number read out key "
        "by key; dictated values in number words, a dictated NI number and a hex key a clause "
        "on not mended): development since"
    ),
    "blind234": (
        "the hundred-and-twenty-sixth secrets blind test (written in session 30, focus: mobile "
        "devices and phones; scored in session 30 on d5ea165) (the rules alone 0.89/1.00; with "
        "the token model 0.94/1.00; personal 1.00/0.97); read in session 30 (a Screen Time "
        "code, 'Gerätecode', an Apple app-specific password, an eSIM activation code; not "
        "personal: an account number on a bill): development since"
    ),
    "blind235": (
        "the hundred-and-twenty-seventh secrets blind test (written in session 30, focus: notes "
        "exported from PSA tools; scored in session 30 on d5ea165) (the rules alone 0.97/0.98; "
        "with the token model 1.00/0.98; personal 1.00/0.97); read in session 30 (not secrets: "
        "a Dell express service code; not personal: a fob's number in brackets): development "
        "since"
    ),
    "blind236": (
        "the hundred-and-twenty-eighth secrets blind test (written in session 30, focus: "
        "hotels, restaurants, pubs and cafés; scored in session 30 on d5ea165) (the rules alone "
        "0.82/1.00; with the token model 0.95/0.98; personal 1.00/0.93); read in session 30 "
        "(backup verification codes, a password given as 'it', a safe's master override; not "
        "secrets: a template variable; not personal: a serial after 'série', an own address at "
        "the firm's domain): development since"
    ),
    "blind237": (
        "the hundred-and-twenty-ninth secrets blind test (written in session 30, focus: schools "
        "and academies; scored in session 30 on 70dff0e) (the rules alone 0.85/1.00; with the "
        "token model 0.95/1.00; personal 0.95/0.97); read in session 30 (a code 'auf' its digits "
        "'umgestellt', a Wi-Fi key after 'chiave WPA2 ...,'; not personal: a dispatch number; a "
        "keypad 'set to' with a brand between and dates of birth corrected a sentence on, "
        "mended in session 31): development since"
    ),
    "blind238": (
        "the hundred-and-thirtieth secrets blind test (written in session 30, focus: "
        "construction and field trades; scored in session 30 on 70dff0e) (the rules alone "
        "0.90/1.00; with the token model 0.97/0.98; personal 1.00/1.00); read in session 30 (a "
        "code 'alterado p/' its digits; not secrets: a machine's product identification number; "
        "a padlock's directional code, mended in session 31): development since"
    ),
    "blind239": (
        "the hundred-and-thirty-first secrets blind test (written in session 30, focus: law "
        "firms and accountancy practices; scored in session 30 on 70dff0e) (the rules alone "
        "0.95/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 30 (no "
        "error to mend): development since"
    ),
    "blind240": (
        "the hundred-and-thirty-second secrets blind test (written in session 30, focus: very "
        "short notes; scored in session 30 on 70dff0e) (the rules alone 0.94/1.00; with the "
        "token model 0.94/1.00; personal 1.00/1.00); read in session 30 ('codici MFA di "
        "backup', 'Zahlencode'; a Wi-Fi key 'auf' a value and a Dutch 'tijdelijk' password, "
        "mended in session 31): development since"
    ),
    "blind241": (
        "the hundred-and-thirty-third secrets blind test (written in session 31, focus: "
        "dentists, opticians, pharmacies and clinics; scored in session 31 on 0c0bbf2) (the "
        "rules alone 0.97/1.00; with the token model 1.00/1.00; personal 0.97/0.97); read in "
        "session 31 (an NHS number a sentence on; not personal: 'numéro pro du cabinet'): "
        "development since"
    ),
    "blind242": (
        "the hundred-and-thirty-fourth secrets blind test (written in session 31, focus: "
        "pasted scripts and configuration; scored in session 31 on 0c0bbf2) (the rules alone "
        "0.89/1.00; with the token model 0.92/0.90; personal 0.95/0.95); read in session 31 "
        "(values passed to commands: echo into a password file, 7-Zip's -p'...', a Cisco "
        "secret after algorithm-type, a CHAP password; not secrets: setting names, a band, an "
        "ARN, a variable; a DLP match and a home address after 'site record' not mended): "
        "development since"
    ),
    "blind243": (
        "the hundred-and-thirty-fifth secrets blind test (written in session 31, focus: "
        "customer-facing resolution messages; scored in session 31 on 0c0bbf2) (the rules "
        "alone 0.97/1.00; with the token model 1.00/1.00; personal 0.97/0.97); read in session "
        "31 ('eigen mobiele nummer'; not personal: 'telemóvel de serviço'): development since"
    ),
    "blind244": (
        "the hundred-and-thirty-sixth secrets blind test (written in session 31, focus: home "
        "users, sole traders and family businesses; scored in session 31 on 0c0bbf2) (the "
        "rules alone 0.93/0.95; with the token model 0.95/0.95; personal 0.97/1.00); read in "
        "session 31 ('clé de sécurité', a camera's verification code, an engineer mode's code, "
        "a child's date of birth; not secrets: '!secret', an account's name): development since"
    ),
    "blind245": (
        "the hundred-and-thirty-seventh secrets blind test (written in session 31, focus: cloud "
        "and SaaS administration; scored in session 31 on 0c496ec) (the rules alone 0.98/1.00; "
        "with the token model 0.98/1.00; personal 1.00/0.95); read in session 31 (a domain's "
        "AuthInfo; not personal: a vendor's case number of a card's shape): development since"
    ),
    "blind246": (
        "the hundred-and-thirty-eighth secrets blind test (written in session 31, focus: "
        "printers, copiers and multifunction devices; scored in session 31 on 0c496ec) (the "
        "rules alone 0.92/1.00; with the token model 0.97/1.00; personal 0.97/0.97); read in "
        "session 31 (a GUID-shaped API token after a comma; not personal: a dealer's call "
        "number; a copier's user number and a PIN that is a date of birth not mended): "
        "development since"
    ),
    "blind247": (
        "the hundred-and-thirty-ninth secrets blind test (written in session 31, focus: "
        "telephony and VoIP; scored in session 31 on 0c496ec) (the rules alone 0.88/1.00; with "
        "the token model 0.92/1.00; personal 0.95/1.00); read in session 31 (a Telnyx key, PINs "
        "'tijdelijk op ... gezet' and 'vorübergehend'; a home address 'en télétravail'; a "
        "private key's line, a PIN 'voor het eerste gebruik' and a Welsh home address not "
        "mended): development since"
    ),
    "blind248": (
        "the hundred-and-fortieth secrets blind test (written in session 31, focus: HR "
        "onboarding and offboarding at staffing agencies; scored in session 31 on 0c496ec) (the "
        "rules alone 0.98/1.00; with the token model 0.98/1.00; personal 1.00/0.97); read in "
        "session 31 (a password 'reimpostata a' its value; not personal: 'linha direta'): "
        "development since"
    ),
    "blind249": (
        "the hundred-and-forty-first secrets blind test (written in session 31, focus: backup "
        "and disaster recovery; scored in session 31 on fb0557b) (the rules alone 0.89/1.00; "
        "with the token model 0.97/1.00; personal 0.97/0.97); read in session 31 (a PIN 'for "
        "the drive', a B2 application key; not personal: a vendor's case number; a home "
        "address a sentence after 'home' not mended): development since"
    ),
    "blind250": (
        "the hundred-and-forty-second secrets blind test (written in session 31, focus: "
        "firewalls, VPNs and network installs; scored in session 31 on fb0557b) (the rules "
        "alone 0.93/0.98; with the token model 0.97/0.98; personal 1.00/0.97); read in session "
        "31 (an SNMP community changed 'to' it, hex after 'was'; not secrets: a public key "
        "after 'is'; not personal: an on-call handset): development since"
    ),
    "blind251": (
        "the hundred-and-forty-third secrets blind test (written in session 31, focus: notes "
        "run through machine translation; scored in session 31 on fb0557b) (the rules alone "
        "0.93/1.00; with the token model 0.98/1.00; personal 1.00/0.97); read in session 31 (a "
        "TOTP seed after 'segreto TOTP,'; not personal: an ISP's incidence number): "
        "development since"
    ),
    "blind252": (
        "the hundred-and-forty-fourth secrets blind test (written in session 31, focus: RMM "
        "and monitoring output with the technician's edits; scored in session 31 on fb0557b) "
        "(the rules alone 0.97/0.98; with the token model 1.00/0.98; personal 1.00/1.00); read "
        "in session 31 (not secrets: a workstation's name): development since"
    ),
    "blind253": (
        "the hundred-and-forty-fifth secrets blind test (written in session 31, focus: "
        "facilities and building systems; scored in session 31 on c8f33dd) (the rules alone "
        "0.84/1.00; with the token model 0.94/1.00; personal 1.00/0.95); read in session 31 "
        "(codes changed 'a' their digits, hex right after 'key' or 'token'; not personal: a "
        "security desk, a company phone said after the number): development since"
    ),
    "blind254": (
        "the hundred-and-forty-sixth secrets blind test (written in session 31, focus: "
        "nonprofit and membership SaaS; scored in session 31 on c8f33dd) (the rules alone "
        "0.90/1.00; with the token model 0.98/0.98; personal 1.00/1.00); read in session 31 (an "
        "entry phone's code; not secrets: Salesforce IDs): development since"
    ),
    "blind255": (
        "the hundred-and-forty-seventh secrets blind test (written in session 31, focus: "
        "timelines of steps with times; scored in session 31 on c8f33dd) (the rules alone "
        "0.98/1.00; with the token model 1.00/1.00; personal 0.97/1.00); read in session 31 (a "
        "home address in its own sentence after an office's): development since"
    ),
    "blind256": (
        "the hundred-and-forty-eighth secrets blind test (written in session 31, focus: "
        "mergers, office moves and rebrands; scored in session 31 on c8f33dd) (the rules alone "
        "0.92/0.98; with the token model 1.00/0.97; personal 0.97/0.95); read in session 31 "
        "(not secrets: pieces of phone numbers; not personal: a masked range of direct dials, "
        "a Business Profile's address; a laptop's delivery address not mended): development "
        "since"
    ),
    "blind257": (
        "the hundred-and-forty-ninth secrets blind test (written in session 31, focus: "
        "university and research labs; scored in session 31 on 9376a1b) (the rules alone "
        "0.90/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read in session 32 (a "
        "keypad's code with the room between in Italian; a code given to someone): development "
        "since"
    ),
    "blind258": (
        "the hundred-and-fiftieth secrets blind test (written in session 31, focus: logistics "
        "and transport; scored in session 31 on 9376a1b) (the rules alone 0.92/1.00; with the "
        "token model 0.95/1.00; personal 0.97/1.00); read in session 32 (a digicode given a "
        "sentence on; 'PIN amministratore'; hex after 'secret to'; a Polish free-mail address): "
        "development since"
    ),
    "blind259": (
        "the hundred-and-fifty-first secrets blind test (written in session 31, focus: notes "
        "written as questions and answers; scored in session 31 on 9376a1b) (the rules alone "
        "0.90/0.95; with the token model 0.97/0.95; personal 1.00/1.00); read in session 32 (a "
        "Wi-Fi key handed over a sentence on; hex read out; not secrets: Spanish questions "
        "after 'P:'): development since"
    ),
    "blind260": (
        "the hundred-and-fifty-second secrets blind test (written in session 31, focus: a sole "
        "IT person's terse notes; scored in session 31 on 9376a1b) (the rules alone 0.95/1.00; "
        "with the token model 1.00/1.00; personal 1.00/0.97); read in session 32 (not personal: "
        "a work mobile with an aside in brackets before its number): development since"
    ),
    "blind261": (
        "the hundred-and-fifty-third secrets blind test (written in session 32, focus: law "
        "firms, accountants and professional services; scored in session 32 on fdb4c6e) (the "
        "rules alone 0.95/0.98; with the token model 0.97/0.98; personal 0.97/1.00); read in "
        "session 32 (software activated with its serial, a Companies House authentication code, "
        "a date after 'year of birth'; not secrets: a DKIM selector): development since"
    ),
    "blind262": (
        "the hundred-and-fifty-fourth secrets blind test (written in session 32, focus: schools "
        "and colleges; scored in session 32 on fdb4c6e) (the rules alone 0.90/0.98; with the "
        "token model 0.98/0.98; personal 1.00/1.00); read in session 32 (a combination's dashed "
        "numbers; not secrets: an installer's code after 'fallaba con el código'): development "
        "since"
    ),
    "blind263": (
        "the hundred-and-fifty-fifth secrets blind test (written in session 32, focus: hotels, "
        "restaurants and hospitality; scored in session 32 on fdb4c6e) (the rules alone "
        "0.98/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 32: "
        "development since"
    ),
    "blind264": (
        "the hundred-and-fifty-sixth secrets blind test (written in session 32, focus: "
        "manufacturing plants and operational technology; scored in session 32 on fdb4c6e) (the "
        "rules alone 0.97/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in "
        "session 32: development since"
    ),
    "blind265": (
        "the hundred-and-fifty-seventh secrets blind test (written in session 32, focus: "
        "veterinary practices and kennels; scored in session 32 on 7dcb4eb) (the rules alone "
        "0.95/1.00; with the token model 1.00/1.00; personal 1.00/0.95); read in session 32 (not "
        "personal: a microchip's and a lot's numbers): development since"
    ),
    "blind266": (
        "the hundred-and-fifty-eighth secrets blind test (written in session 32, focus: estate "
        "agents, lettings and property management; scored in session 32 on 7dcb4eb) (the rules "
        "alone 0.93/1.00; with the token model 1.00/1.00; personal 0.97/1.00); read in session "
        "32 (a home address after 'at his house', the head office named after it): development "
        "since"
    ),
    "blind267": (
        "the hundred-and-fifty-ninth secrets blind test (written in session 32, focus: design, "
        "media and creative agencies; scored in session 32 on 7dcb4eb) (the rules alone "
        "0.94/0.98; with the token model 1.00/0.98; personal 1.00/1.00); read in session 32 (not "
        "secrets: a quoted 'validation error' after 'pass'): development since"
    ),
    "blind268": (
        "the hundred-and-sixtieth secrets blind test (written in session 32, focus: notes by "
        "apprentices and junior technicians; scored in session 32 on 7dcb4eb) (the rules alone "
        "0.97/0.98; with the token model 1.00/0.98; personal 1.00/0.95); read in session 32 (not "
        "secrets: a key vault's name; not personal: a card's number, a company mobile said so "
        "after it): development since"
    ),
    "blind269": (
        "the hundred-and-sixty-first secrets blind test (written in session 32, focus: hospital "
        "departments and medical imaging; scored in session 32 on 73a196f) (the rules alone "
        "0.95/1.00; with the token model 0.98/0.98; personal 0.95/0.97); read in session 32 (a "
        "network's key 'mit Schlüssel'; a patient's address after 'GP-registered address'): "
        "development since"
    ),
    "blind270": (
        "the hundred-and-sixty-second secrets blind test (written in session 32, focus: local "
        "councils and public-sector offices; scored in session 32 on 73a196f) (the rules alone "
        "0.98/1.00; with the token model 1.00/0.98; personal 0.97/0.97); read in session 32 (a "
        "newborn's date of birth; not secrets: a directory attribute's name): development since"
    ),
    "blind271": (
        "the hundred-and-sixty-third secrets blind test (written in session 32, focus: gyms, "
        "sports clubs and leisure centres; scored in session 32 on 73a196f) (the rules alone "
        "0.97/1.00; with the token model 0.98/1.00; personal 1.00/1.00); read in session 32 (a "
        "key box's code 'réglé à'): development since"
    ),
    "blind272": (
        "the hundred-and-sixty-fourth secrets blind test (written in session 32, focus: notes "
        "dictated by voice and transcribed by speech-to-text; scored in session 32 on 73a196f) "
        "(the rules alone 0.85/1.00; with the token model 0.88/1.00; personal 0.95/1.00); read "
        "in session 32 (passwords dictated as a word, a number and a symbol after their word): "
        "development since"
    ),
    "blind273": (
        "the hundred-and-sixty-fifth secrets blind test (written in session 32, focus: car "
        "dealerships, garages and body shops; scored in session 32 on ebc3ccc) (the rules alone "
        "0.94/1.00; with the token model 1.00/0.98; personal 1.00/0.97); read in session 32 (not "
        "secrets: a placeholder in joined words; not personal: a firm's general number): "
        "development since"
    ),
    "blind274": (
        "the hundred-and-sixty-sixth secrets blind test (written in session 32, focus: notes "
        "that paste e-mail threads; scored in session 32 on ebc3ccc) (the rules alone 0.98/1.00; "
        "with the token model 1.00/1.00; personal 1.00/0.95); read in session 32 (direct dials "
        "in a quoted thread and a quoted signature's numbers not mended): development since"
    ),
    "blind275": (
        "the hundred-and-sixty-seventh secrets blind test (written in session 32, focus: care "
        "homes and home-care agencies; scored in session 32 on ebc3ccc) (the rules alone "
        "0.93/1.00; with the token model 0.98/1.00; personal 1.00/0.97); read in session 32 (a "
        "verbal password in quotes; not personal: a care home's address): development since"
    ),
    "blind276": (
        "the hundred-and-sixty-eighth secrets blind test (written in session 32, focus: travel "
        "agencies, airlines and airports; scored in session 32 on ebc3ccc) (the rules alone "
        "0.97/1.00; with the token model 1.00/0.98; personal 1.00/0.95); read in session 32 (not "
        "secrets: an IATA code; not personal: an ops duty line, an airline ticket's number): "
        "development since"
    ),
    "blind277": (
        "the hundred-and-sixty-ninth secrets blind test (written in session 32, focus: insurance "
        "brokers and financial advisers; scored in session 32 on 569c10e) (the rules alone "
        "0.94/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read in session 32 "
        "(Temporary Access Passes of letters alone and after 'befristeten Zugangspass'): "
        "development since"
    ),
    "blind278": (
        "the hundred-and-seventieth secrets blind test (written in session 32, focus: shipping, "
        "ports and maritime firms; scored in session 32 on 569c10e) (the rules alone 0.97/1.00; "
        "with the token model 1.00/1.00; personal 1.00/0.95); read in session 32 (not personal: "
        "a registration number, a satellite phone): development since"
    ),
    "blind279": (
        "the hundred-and-seventy-first secrets blind test (written in session 32, focus: notes "
        "that switch between two languages; scored in session 32 on 569c10e) (the rules alone "
        "0.95/1.00; with the token model 1.00/1.00; personal 0.97/0.97); read in session 32 (a "
        "personal mobile after a voicemail PIN; not personal: a number added to a website): "
        "development since"
    ),
    "blind280": (
        "the hundred-and-seventy-second secrets blind test (written in session 32, focus: retail "
        "chains and franchise stores; scored in session 32 on 569c10e) (the rules alone "
        "0.98/1.00; with the token model 0.98/1.00; personal 0.97/1.00); read in session 32 (a "
        "supervisor's code in French, a date of birth 'added'): development since"
    ),
    "blind281": (
        "the hundred-and-seventy-third secrets blind test (written in session 32, focus: "
        "construction firms and site offices; scored in session 32 on e2c654d) (the rules alone "
        "0.92/1.00; with the token model 0.98/0.98; personal 1.00/0.95); read in session 32 (a "
        "PIN 'assigned'; not personal: entitlement and account numbers): development since"
    ),
    "blind282": (
        "the hundred-and-seventy-fourth secrets blind test (written in session 32, focus: radio "
        "and TV broadcasters; scored in session 32 on e2c654d) (the rules alone 0.90/1.00; with "
        "the token model 0.97/1.00; personal 1.00/1.00); read in session 32 (a BISS session "
        "word, a YouTube stream key): development since"
    ),
    "blind283": (
        "the hundred-and-seventy-fifth secrets blind test (written in session 32, focus: long "
        "incident reports, partly built from pools of filler lines; scored in session 32 on "
        "e2c654d) (the rules alone 0.98/0.98; with the token model 1.00/0.98; personal "
        "1.00/0.93); read in session 32 (not personal: vendors' case numbers; not secrets: a "
        "case's number after 'nummer'): development since"
    ),
    "blind284": (
        "the hundred-and-seventy-sixth secrets blind test (written in session 32, focus: notes "
        "laid out as markdown tables and bullet lists; scored in session 32 on e2c654d) (the "
        "rules alone 0.97/0.98; with the token model 0.98/0.98; personal 0.97/1.00); read in "
        "session 32 (not secrets: an RSA public key's opening): development since"
    ),
    "blind285": (
        "the hundred-and-seventy-seventh secrets blind test (written in session 32, focus: "
        "dental, physiotherapy and optician front desks; scored in session 32 on 8c07c69) (the "
        "rules alone 0.90/1.00; with the token model 1.00/1.00; personal 0.97/1.00); read in "
        "session 33 (a mobile 'updated to' after someone's mobile was named): development since"
    ),
    "blind286": (
        "the hundred-and-seventy-eighth secrets blind test (written in session 32, focus: "
        "software development teams; scored in session 32 on 8c07c69) (the rules alone "
        "0.90/1.00; with the token model 1.00/0.98; personal 0.97/1.00); read in session 33 (an "
        "emergency contact's mobile; backup codes after 'códigos de respaldo'): development since"
    ),
    "blind287": (
        "the hundred-and-seventy-ninth secrets blind test (written in session 32, focus: notes "
        "typed on a phone in a hurry; scored in session 32 on 8c07c69) (the rules alone "
        "0.87/1.00; with the token model 0.95/1.00; personal 0.80/0.97); read in session 33 "
        "(home addresses in lower case, a NIR after 'num secu', a 'bitlocker-pin', hex after "
        "'new', 'chave nova'; not personal: a 'work mob'): development since"
    ),
    "blind288": (
        "the hundred-and-eightieth secrets blind test (written in session 32, focus: event and "
        "conference AV at hotels and venues; scored in session 32 on 8c07c69) (the rules alone "
        "0.92/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read in session 33 (a "
        "'Tastencode für die Tür', a Zoom host key): development since"
    ),
    "blind289": (
        "the hundred-and-eighty-first secrets blind test (written in session 33, focus: "
        "charities and volunteer-run organisations; scored in session 33 on 9114390) (the rules "
        "alone 0.97/1.00; with the token model 1.00/1.00; personal 0.98/1.00); read in session "
        "33 (a Welsh house's name and street with a UK postcode): development since"
    ),
    "blind290": (
        "the hundred-and-eighty-second secrets blind test (written in session 33, focus: "
        "university research labs; scored in session 33 on 9114390) (the rules alone 0.94/1.00; "
        "with the token model 0.98/0.98; personal 0.97/1.00); read in session 33 (hex after "
        "'AppKey', an Indian address, a Vault token; not secrets: a Slurm option set to "
        "numbers): development since"
    ),
    "blind291": (
        "the hundred-and-eighty-third secrets blind test (written in session 33, focus: chat "
        "logs pasted into notes; scored in session 33 on 9114390) (the rules alone 0.97/1.00; "
        "with the token model 1.00/1.00; personal 1.00/1.00); read in session 33 (a PIN that "
        "'would be' its digits): development since"
    ),
    "blind292": (
        "the hundred-and-eighty-fourth secrets blind test (written in session 33, focus: "
        "warehouses, logistics and delivery drivers; scored in session 33 on 9114390) (the rules "
        "alone 0.95/1.00; with the token model 0.98/1.00; personal 0.95/0.97); read in session "
        "33 (a recovery key after a device's ID, a sole trader's bank details; not personal: a "
        "staff card's number after 'la tarjeta'): development since"
    ),
    "blind293": (
        "the hundred-and-eighty-fifth secrets blind test (written in session 33, focus: "
        "community pharmacies; scored in session 33 on bb56ec5) (the rules alone 0.97/1.00; "
        "with the token model 1.00/1.00; personal 1.00/1.00); read in session 33 (a 'code "
        "initial'): development since"
    ),
    "blind294": (
        "the hundred-and-eighty-sixth secrets blind test (written in session 33, focus: farms, "
        "co-operatives and rural estates; scored in session 33 on bb56ec5) (the rules alone "
        "0.98/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 33 (a "
        "Wi-Fi key after 'clave nueva'): development since"
    ),
    "blind295": (
        "the hundred-and-eighty-seventh secrets blind test (written in session 33, focus: notes "
        "by technicians writing English as a second language; scored in session 33 on bb56ec5) "
        "(the rules alone 0.95/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read "
        "in session 33: development since"
    ),
    "blind296": (
        "the hundred-and-eighty-eighth secrets blind test (written in session 33, focus: shift "
        "handover notes inside an MSP's own desk; scored in session 33 on bb56ec5) (the rules "
        "alone 0.97/1.00; with the token model 0.98/1.00; personal 1.00/0.93); read in session "
        "33 (a drawn app password with many vowels; not personal: a ticket's number before a "
        "client named after a street): development since"
    ),
    "blind297": (
        "the hundred-and-eighty-ninth secrets blind test (written in session 33, focus: public "
        "libraries, museums and galleries; scored in session 33 on 655a767) (the rules alone "
        "0.90/1.00; with the token model 0.97/1.00; personal 1.00/0.97); read in session 33 (an "
        "'Ersatzcode', a Wi-Fi network that 'now uses' a value; not personal: 'Gerätenr.'): "
        "development since"
    ),
    "blind298": (
        "the hundred-and-ninetieth secrets blind test (written in session 33, focus: notes with "
        "pasted command output; scored in session 33 on 655a767) (the rules alone 0.95/0.98; "
        "with the token model 0.97/0.97; personal 1.00/0.97); read in session 33 (a PSK dotted "
        "out in 'show' output, a code 'used at the panel'; not secrets: a device's prompt): "
        "development since"
    ),
    "blind299": (
        "the hundred-and-ninety-first secrets blind test (written in session 33, focus: "
        "home-care agencies and carers in the field; scored in session 33 on 655a767) (the rules "
        "alone 0.97/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session "
        "33: development since"
    ),
    "blind300": (
        "the hundred-and-ninety-second secrets blind test (written in session 33, focus: bus, "
        "rail and taxi operators; scored in session 33 on 655a767) (the rules alone 0.88/0.98; "
        "with the token model 1.00/0.98; personal 1.00/0.97); read in session 33 (an Entra "
        "client secret by its shape; not secrets: a key fob's number; not personal: "
        "'Funkarbeitsplatz'): development since"
    ),
    "blind301": (
        "the hundred-and-ninety-third secrets blind test (written in session 33, focus: "
        "recruitment agencies and temporary staffing; scored in session 33 on 0124b48) (the "
        "rules alone 0.95/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in "
        "session 33: development since"
    ),
    "blind302": (
        "the hundred-and-ninety-fourth secrets blind test (written in session 33, focus: "
        "nurseries and childcare; scored in session 33 on 0124b48) (the rules alone 0.93/1.00; "
        "with the token model 0.97/1.00; personal 1.00/1.00); read in session 33 (a PIN 'set "
        "on the panel', a backup code of ten letters and digits): development since"
    ),
    "blind303": (
        "the hundred-and-ninety-fifth secrets blind test (written in session 33, focus: petrol "
        "stations and franchise retail; scored in session 33 on 0124b48) (the rules alone "
        "0.95/0.98; with the token model 0.98/0.97; personal 0.92/0.95); read in session 33 "
        "('son domicile', a keyholder's address, 'code de contournement MFA'; not secrets: a "
        "time zone, an EVSE ID): development since"
    ),
    "blind304": (
        "the hundred-and-ninety-sixth secrets blind test (written in session 33, focus: hair "
        "and beauty salons and spas; scored in session 33 on 0124b48) (the rules alone "
        "0.88/1.00; with the token model 0.98/1.00; personal 1.00/1.00); read in session 33 (a "
        "code that 'lautet aktuell' its digits): development since"
    ),
    "blind305": (
        "the hundred-and-ninety-seventh secrets blind test (written in session 33, focus: "
        "churches, mosques, temples and faith organisations; scored in session 33 on da155b2) "
        "(the rules alone 0.95/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read "
        "in session 34 (a Wi-Fi key a sentence opens with 'Changée pour'; B305-052 labels a bank "
        "detail a secret, which the guide makes personal data): development since"
    ),
    "blind306": (
        "the hundred-and-ninety-eighth secrets blind test (written in session 33, focus: water, "
        "energy and utility operators; scored in session 33 on da155b2) (the rules alone "
        "0.97/1.00; with the token model 1.00/1.00; personal 0.97/0.97); read in session 34 (a "
        "mobile a sentence after 'seinem eigenen Handy', a fault line moved to an extension): "
        "development since"
    ),
    "blind307": (
        "the hundred-and-ninety-ninth secrets blind test (written in session 33, focus: "
        "e-commerce shops and online sellers; scored in session 33 on da155b2) (the rules alone "
        "0.93/1.00; with the token model 0.97/1.00; personal 1.00/0.97); read in session 34 (a "
        "password entered 'in' a system with the verb last, a regenerated key's capitals after "
        "'Nouvelle clé', a parcel's number read as a card): development since"
    ),
    "blind308": (
        "the two-hundredth secrets blind test (written in session 33, focus: closure notes "
        "written as e-mail replies; scored in session 33 on da155b2) (the rules alone 0.97/1.00; "
        "with the token model 0.98/1.00; personal 1.00/0.97); read in session 34 (a voicemail "
        "code 'de votre messagerie', a 'ligne directe'): development since"
    ),
    "blind309": (
        "the two-hundred-and-first secrets blind test (written in session 34, focus: opticians, "
        "hearing-aid centres and dental laboratories; scored in session 34 on 5594c2c) (the "
        "rules alone 0.98/1.00; with the token model 1.00/1.00; personal 1.00/0.95); read in "
        "session 34 (a pair's serials by side read as a phone, 'Contact' read as a bank's "
        "'conta'): development since"
    ),
    "blind310": (
        "the two-hundred-and-second secrets blind test (written in session 34, focus: funeral "
        "directors, crematoria and cemeteries; scored in session 34 on 5594c2c) (the rules alone "
        "0.87/1.00; with the token model 0.90/1.00; personal 1.00/0.97); read in session 34 "
        "(stream keys at the end of RTMP addresses, 'Le nouveau code est C4847', a code 'für den "
        "Kühlraum', a PIN 'per la sala del commiato'; a VNC password of eight small letters "
        "after 'alterada para' stays missed): development since"
    ),
    "blind311": (
        "the two-hundred-and-third secrets blind test (written in session 34, focus: theatres, "
        "cinemas, concert halls and music venues; scored in session 34 on 5594c2c) (the rules "
        "alone 0.92/0.98; with the token model 0.95/0.98; personal 0.98/0.95); read in session "
        "34 (a code that 'lautet ab heute' or 'ora è' its digits, a Wi-Fi key alone on the line "
        "after 'is now', a floor '1.º Frente', a user name read as a password): development since"
    ),
    "blind312": (
        "the two-hundred-and-fourth secrets blind test (written in session 34, focus: notes that "
        "quote or correct an earlier note, quote the customer, or list accounts one per line; "
        "scored in session 34 on 5594c2c) (the rules alone 0.89/1.00; with the token model "
        "0.98/0.98; personal 0.95/0.97); read in session 34 (a Wi-Fi key a router's card 'says', "
        "'rufen Sie mich auf dem Handy an', a keyholder's mobile, a Meraki serial): development "
        "since"
    ),
    "blind313": (
        "the two-hundred-and-fifth secrets blind test (written in session 34, focus: architects, "
        "surveyors and engineering consultancies; scored in session 34 on a9ff279) (the rules "
        "alone 0.90/0.98; with the token model 0.98/0.98; personal 1.00/0.97); read in session "
        "34 ('Il nuovo codice è' after the code was changed, an alarm contract's number, a "
        "'Firmenhandy' a few words before its number): development since"
    ),
    "blind314": (
        "the two-hundred-and-sixth secrets blind test (written in session 34, focus: locksmiths, "
        "security guarding and CCTV or alarm installers; scored in session 34 on a9ff279) (the "
        "rules alone 0.78/1.00; with the token model 0.90/1.00; personal 1.00/1.00); read in "
        "session 34 (an alarm receiving centre's verbal password of two plain words, duress "
        "codes 'Programmé ... pour'): development since"
    ),
    "blind315": (
        "the two-hundred-and-seventh secrets blind test (written in session 34, focus: "
        "self-storage and serviced offices; scored in session 34 on a9ff279) (the rules alone "
        "0.92/1.00; with the token model 1.00/0.98; personal 1.00/1.00); read in session 34 (a "
        "postal item's S10 number read as a secret): development since"
    ),
    "blind316": (
        "the two-hundred-and-eighth secrets blind test (written in session 34, focus: marinas, "
        "boatyards and sailing clubs; scored in session 34 on a9ff279) (the rules alone "
        "0.89/1.00; with the token model 0.97/1.00; personal 0.92/1.00); read in session 34 (a "
        "shower block's code between commas, 'the skipper's mobile', 'au portable du chef de "
        "bord'): development since"
    ),
    "blind317": (
        "the two-hundred-and-ninth secrets blind test (written in session 34, focus: driving "
        "schools and MOT centres; scored in session 34 on a9ff279) (the rules alone 0.83/1.00; "
        "with the token model 0.97/1.00; personal 1.00/0.97); read in session 34 (a router key "
        "of two words and a number, a Wi-Fi password that 'passou a ser' its value, an MOT test "
        "number): development since"
    ),
    "blind318": (
        "the two-hundred-and-tenth secrets blind test (written in session 34, focus: breweries, "
        "distilleries, vineyards and wine shops; scored in session 34 on a9ff279) (the rules "
        "alone 0.98/1.00; with the token model 0.98/0.98; personal 0.95/1.00); read in session "
        "34 (a key 'corrected it to' its value, a delivery address 'im Shop', 'su propio "
        "teléfono', a user id): development since"
    ),
    "blind319": (
        "the two-hundred-and-eleventh secrets blind test (written in session 34, focus: "
        "commercial cleaning and facilities contractors; scored in session 34 on a9ff279) (the "
        "rules alone 0.95/1.00; with the token model 0.98/1.00; personal 0.97/0.95); read in "
        "session 34 ('Der neue Unscharf-Code für ... lautet', 'our company out-of-hours number', "
        "'la central'; a caller's mobile after 'called from' stays missed): development since"
    ),
    "blind320": (
        "the two-hundred-and-twelfth secrets blind test (written in session 34, focus: "
        "photography studios and videographers; scored in session 34 on a9ff279) (the rules "
        "alone 0.98/0.98; with the token model 0.98/0.98; personal 1.00/0.95); read in session "
        "34 (an app secret in small letters, an elision's apostrophes read as quotes, 'own work "
        "address is', a company mobile a few words before its number): development since"
    ),
    "blind321": (
        "the two-hundred-and-thirteenth secrets blind test (written in session 34, focus: zoos, "
        "aquariums and wildlife parks; scored in session 34 on 9a42495) (the rules alone "
        "0.92/1.00; with the token model 0.98/1.00; personal 0.95/0.97); read in session 34 (a "
        "corridor's code between commas, 'des Geburtsdatums', fifteen unbroken digits read as a "
        "phone; a date of birth 'Changed it to' two sentences on stays missed): development since"
    ),
    "blind322": (
        "the two-hundred-and-fourteenth secrets blind test (written in session 34, focus: notes "
        "full of typing mistakes; scored in session 34 on 9a42495) (the rules alone 0.93/1.00; "
        "with the token model 1.00/1.00; personal 1.00/1.00); read in session 34 (nothing "
        "missed): development since"
    ),
    "blind323": (
        "the two-hundred-and-fifteenth secrets blind test (written in session 34, focus: trade "
        "unions and membership bodies; scored in session 34 on 9a42495) (the rules alone "
        "0.90/1.00; with the token model 0.95/0.97; personal 0.97/0.95); read in session 34 "
        "(voting codes after 'novo código', an 'inlogcode', a mobile's last group read as a "
        "voicemail PIN, an IMEI, a platform's 'Referentie'): development since"
    ),
    "blind324": (
        "the two-hundred-and-sixteenth secrets blind test (written in session 34, focus: "
        "kennels, catteries, groomers and pet shops; scored in session 34 on 9a42495) (the rules "
        "alone 0.97/1.00; with the token model 1.00/1.00; personal 0.95/0.88); read in session "
        "34 (a business's landline, 'o telefone fixo do hotel'; two customers' delivery "
        "addresses in a shop's note stay missed): development since"
    ),
    "blind325": (
        "the two-hundred-and-seventeenth secrets blind test (written in session 34, focus: "
        "campsites, holiday parks and caravan sites; scored in session 34 on 3e28f79) (the rules "
        "alone 0.90/1.00; with the token model 0.98/0.98; personal 1.00/1.00); read in session 35"
        " (a visitor code 'auf ... geändert' with a barrier named, a pincode's 'Ticket' number "
        "read as a secret): development since"
    ),
    "blind326": (
        "the two-hundred-and-eighteenth secrets blind test (written in session 34, focus: tattoo,"
        " piercing and body-art studios; scored in session 34 on 3e28f79) (the rules alone "
        "0.93/1.00; with the token model 0.98/1.00; personal 1.00/0.83); read in session 35 ('A "
        "nova é' its value, studios' landlines named by the studio's name, a parcel number read "
        "as a card): development since"
    ),
    "blind327": (
        "the two-hundred-and-nineteenth secrets blind test (written in session 34, focus: "
        "printing firms, sign makers and copy shops; scored in session 34 on 3e28f79) (the rules "
        "alone 0.98/1.00; with the token model 1.00/1.00; personal 1.00/0.97); read in session 35"
        " (a 'works mobile'): development since"
    ),
    "blind328": (
        "the two-hundred-and-twentieth secrets blind test (written in session 34, focus: a file "
        "mostly not English; scored in session 34 on 3e28f79) (the rules alone 0.87/1.00; with "
        "the token model 1.00/1.00; personal 1.00/0.95); read in session 35 (company mobiles "
        "'intestato all'agenzia' and 'do contrato empresarial'): development since"
    ),
    "blind329": (
        "the two-hundred-and-twenty-first secrets blind test (written in session 34, focus: "
        "housing associations' and letting agents' maintenance desks; scored in session 34 on "
        "3e28f79) (the rules alone 0.92/0.96; with the token model 0.93/0.97; personal "
        "1.00/0.90); read in session 35 (key-box codes in brackets and between commas, an "
        "installer code 'cambiato ... in', a digicode with its letter, a key safe's model, "
        "agents' logins, a repairs line, a GC number): development since"
    ),
    "blind330": (
        "the two-hundred-and-twenty-second secrets blind test (written in session 34, focus: a "
        "night-shift NOC's alerts and call-outs; scored in session 34 on 3e28f79) (the rules "
        "alone 0.92/1.00; with the token model 1.00/1.00; personal 1.00/0.93); read in session 35"
        " (a printer's serial 'de l'imprimante', device IDs listed; a work mobile called 'his "
        "number' stays a false alarm): development since"
    ),
    "blind331": (
        "the two-hundred-and-twenty-third secrets blind test (written in session 34, focus: small"
        " manufacturers' and workshops' offices; scored in session 34 on 3e28f79) (the rules "
        "alone 0.93/1.00; with the token model 0.98/1.00; personal 0.97/0.97); read in session 35"
        " (a code 'auf ... geändert' after the word Code; a fitter's address 'printed' stays "
        "missed): development since"
    ),
    "blind332": (
        "the two-hundred-and-twenty-fourth secrets blind test (written in session 34, focus: "
        "family businesses and home offices; scored in session 34 on 3e28f79) (the rules alone "
        "0.90/1.00; with the token model 0.93/1.00; personal 1.00/0.93); read in session 35 ('e "
        "agora é' a gate code, 'Set user 5 to', a Wi-Fi key of small letters without vowels, "
        "'Kanzleizentrale', 'not his own'; a key 'read off the router, is' stays missed): "
        "development since"
    ),
    "blind333": (
        "the two-hundred-and-twenty-fifth secrets blind test (written in session 35, focus: "
        "pest-control, drain-clearance and environmental-services firms; scored in session 35 on "
        "db3208d) (the rules alone 0.95/1.00; with the token model 0.98/1.00; personal "
        "1.00/0.97); read in session 35 (a LoRaWAN app_key in a pasted export, a company main "
        "line changed 'to the new number'): development since"
    ),
    "blind334": (
        "the two-hundred-and-twenty-sixth secrets blind test (written in session 35, focus: local"
        " newspapers, community radio and podcast studios; scored in session 35 on db3208d) (the "
        "rules alone 0.92/0.98; with the token model 1.00/0.92; personal 1.00/0.91); read in "
        "session 35 (ISRC and ISSN numbers, a payment's auth code, serials in a national "
        "insurance number's shape, a 'Redaktionshandy', a company mobile 'for her patch'): "
        "development since"
    ),
    "blind335": (
        "the two-hundred-and-twenty-seventh secrets blind test (written in session 35, focus: "
        "solar, heat-pump and EV-charger installers; scored in session 35 on db3208d) (the rules "
        "alone 0.90/1.00; with the token model 0.93/1.00; personal 1.00/0.95); read in session 35"
        " (installer codes 'lo cambió a' and 'reimpostato a', a password in brackets read off a "
        "label, a key in capitals 'from the back of the hub', 'de centrale', a DNO application's "
        "number): development since"
    ),
    "blind336": (
        "the two-hundred-and-twenty-eighth secrets blind test (written in session 35, focus: "
        "notes pasted from e-mail and chat threads; scored in session 35 on db3208d) (the rules "
        "alone 0.93/1.00; with the token model 1.00/1.00; personal 1.00/0.97); read in session 35"
        " ('Teléfono de atención'): development since"
    ),
    "blind337": (
        "the two-hundred-and-twenty-ninth secrets blind test (written in session 35, focus: "
        "consulates, visa advisers and translation agencies; scored in session 35 on 465ebe8) "
        "(the rules alone 0.92/1.00; with the token model 0.98/1.00; personal 0.95/0.97); read in"
        " session 35 (dates of birth 'Corrigée au' and 'korrigiert auf den' a sentence after they"
        " were named, a code ', which stays' its value, a work mobile issued to someone by name):"
        " development since"
    ),
    "blind338": (
        "the two-hundred-and-thirtieth secrets blind test (written in session 35, focus: "
        "bookmakers, arcades and bingo halls; scored in session 35 on 465ebe8) (the rules alone "
        "0.93/1.00; with the token model 1.00/0.97; personal 0.97/1.00); read in session 35 "
        "(gambling licence accounts, an own mobile a sentence after a case word): development "
        "since"
    ),
    "blind339": (
        "the two-hundred-and-thirty-first secrets blind test (written in session 35, focus: "
        "forestry contractors, sawmills and timber merchants; scored in session 35 on 465ebe8) "
        "(the rules alone 0.93/1.00; with the token model 0.98/1.00; personal 0.97/1.00); read in"
        " session 35 (a code after a colon with a 'Hoftor' named, an address 'at his farmhouse'):"
        " development since"
    ),
    "blind340": (
        "the two-hundred-and-thirty-second secrets blind test (written in session 35, focus: "
        "notes dictated by voice and transcribed; scored in session 35 on 465ebe8) (the rules "
        "alone 0.92/0.98; with the token model 0.93/0.98; personal 0.95/0.97); read in session 35"
        " (passwords said as a word 'with a capital K then' digits, 'numéro de ticket'; a date of"
        " birth and an address in words, a lettered door code, a passphrase of plain words and a "
        "work mobile in unpunctuated speech stay missed): development since"
    ),
    "blind341": (
        "the two-hundred-and-thirty-third secrets blind test (written in session 35, focus: ski "
        "schools, climbing walls and outdoor centres; scored in session 35 on 785c9b4) (the rules"
        " alone 0.95/1.00; with the token model 1.00/0.98; personal 1.00/0.95); read in session "
        "35 (lift passes' WTP and KeyCard numbers, a company mobile issued with its number a long"
        " clause on): development since"
    ),
    "blind342": (
        "the two-hundred-and-thirty-fourth secrets blind test (written in session 35, focus: "
        "wedding venues, caterers and marquee hire; scored in session 35 on 785c9b4) (the rules "
        "alone 0.90/1.00; with the token model 0.97/1.00; personal 1.00/1.00); read in session 35"
        " (keys of drawn letters read out after a colon and after 'la chiave è'): development "
        "since"
    ),
    "blind343": (
        "the two-hundred-and-thirty-fifth secrets blind test (written in session 35, focus: long "
        "notes covering several tasks; scored in session 35 on 785c9b4) (the rules alone "
        "0.98/1.00; with the token model 1.00/0.98; personal 1.00/1.00); read in session 35 (a "
        "KMS host and port): development since"
    ),
    "blind344": (
        "the two-hundred-and-thirty-sixth secrets blind test (written in session 35, focus: notes"
        " that switch language inside one note; scored in session 35 on 785c9b4) (the rules alone"
        " 0.98/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 35 "
        "(nothing missed with the token model): development since"
    ),
    "blind345": (
        "the two-hundred-and-thirty-seventh secrets blind test (written in session 35, focus: "
        "golf, tennis and country clubs; scored in session 35 on 8823723) (the rules alone "
        "0.97/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 35 "
        "(nothing missed with the token model): development since"
    ),
    "blind346": (
        "the two-hundred-and-thirty-eighth secrets blind test (written in session 35, focus: car "
        "dealerships, body shops and tyre fitters; scored in session 35 on 8823723) (the rules "
        "alone 0.93/1.00; with the token model 0.98/1.00; personal 1.00/1.00); read in session 35"
        " (a car radio's code after a VIN stays missed): development since"
    ),
    "blind347": (
        "the two-hundred-and-thirty-ninth secrets blind test (written in session 35, focus: notes"
        " that paste command output; scored in session 35 on 8823723) (the rules alone 0.95/1.00;"
        " with the token model 0.95/1.00; personal 0.97/1.00); read in session 35 (Wi-Fi keys "
        "nmcli prints on the line after the command, a password of drawn letters joined by '_' "
        "after sqlcmd -P; a French social security number in a file's name stayed missed, found "
        "since session 36's round fifty-eight): development since"
    ),
    "blind348": (
        "the two-hundred-and-fortieth secrets blind test (written in session 35, focus: "
        "recruitment and staffing agencies; scored in session 35 on 8823723) (the rules alone "
        "0.93/1.00; with the token model 1.00/1.00; personal 1.00/0.95); read in session 35 (a "
        "number 'is her company mobile', a 'Zakelijke mobiel'): development since"
    ),
    "blind349": (
        "the two-hundred-and-forty-first secrets blind test (written in session 36, focus: garden"
        " centres, plant nurseries, florists and landscape gardeners; scored in session 36 on "
        "15d889d) (the rules alone 0.90/1.00; with the token model 0.93/1.00; personal "
        "1.00/0.93); read in session 36 (an alarm code that 'passou a ser' its digits, a card "
        "terminal's supervisor key changed 'a' its digits, an API key in a GUID's shape after "
        "'is', an app's login set to a drawn value; work phones on the firm's contract in four "
        "languages): development since"
    ),
    "blind350": (
        "the two-hundred-and-forty-second secrets blind test (written in session 36, focus: "
        "closure notes laid out as form fields or key/value lines; scored in session 36 on "
        "15d889d) (the rules alone 0.95/1.00; with the token model 1.00/1.00; personal "
        "1.00/1.00); read in session 36 (nothing missed with the token model; an npm token found "
        "by the rules since): development since"
    ),
    "blind351": (
        "the two-hundred-and-forty-third secrets blind test (written in session 36, focus: "
        "bakeries, butchers, delis and independent food shops; scored in session 36 on 15d889d) "
        "(the rules alone 0.93/1.00; with the token model 1.00/0.98; personal 0.97/0.93); read in"
        " session 36 (a home address before a sentence naming the business address, a SIRET, a "
        "switchboard that 'es el' its number, a shop landline that replaced an own phone, a "
        "number on the company's business account): development since"
    ),
    "blind352": (
        "the two-hundred-and-forty-fourth secrets blind test (written in session 36, focus: scout"
        " and guide groups, youth clubs and children's sports clubs; scored in session 36 on "
        "15d889d) (the rules alone 0.93/1.00; with the token model 1.00/1.00; personal "
        "1.00/0.86); read in session 36 (clubs' and associations' fixed lines that replaced a "
        "private phone, club mobiles, a club office's new number): development since"
    ),
    "blind353": (
        "the two-hundred-and-forty-fifth secrets blind test (written in session 36, focus: "
        "plumbers, electricians, builders and other tradespeople working alone or in small firms;"
        " scored in session 36 on adb19b8) (the rules alone 0.90/1.00; with the token model "
        "0.95/0.98; personal 1.00/1.00); read in session 36 (Wi-Fi keys of capitals and digits "
        "right after their word or 'set to', a password passed on 'door als' its value, a "
        "customer code no secret): development since"
    ),
    "blind354": (
        "the two-hundred-and-forty-sixth secrets blind test (written in session 36, focus: "
        "private tutors, tutoring agencies, music teachers and language schools; scored in "
        "session 36 on adb19b8) (the rules alone 0.95/1.00; with the token model 0.97/1.00; "
        "personal 0.97/1.00); read in session 36 (an address after 'huisadres', hex after 'value'"
        " where a key is named; a three-digit locker code stays missed): development since"
    ),
    "blind355": (
        "the two-hundred-and-forty-seventh secrets blind test (written in session 36, focus: "
        "notes that list several people at once; scored in session 36 on adb19b8) (the rules "
        "alone 0.94/1.00; with the token model 0.98/0.95; personal 0.97/0.95); read in session 36"
        " (a PIN '(it is' its digits), numbers assigned in the phone system, the third of a list "
        "of office lines, a home address with an office named only in the sentence before, a "
        "short code and PostNL barcodes no secret; two consoles' serials stay false alarms): "
        "development since"
    ),
    "blind356": (
        "the two-hundred-and-forty-eighth secrets blind test (written in session 36, focus: terse"
        " shorthand typed on a phone; scored in session 36 on adb19b8) (the rules alone "
        "0.78/0.98; with the token model 0.93/0.98; personal 0.89/0.97); read in session 36 ('cód"
        " novo', 'init ww', 'contr. inicial', an own 'mob', an NI number in small letters, 'c/' "
        "for a street, a number 'op kpn zakelijk', 'to/by' no password; a password read out as "
        "words and a number after 'hr.' stay missed; a password read out as words and a number "
        "after 'hr.' mended in session 37): development since"
    ),
    "blind357": (
        "the two-hundred-and-forty-ninth secrets blind test (written in session 36, focus: notes "
        "with values partly masked or redacted next to values left in clear; scored in session 36"
        " on bcd7425) (the rules alone 0.98/1.00; with the token model 1.00/0.98; personal "
        "1.00/1.00); read in session 36 (a password masked after its first letters, 'P@ss***', no"
        " value): development since"
    ),
    "blind358": (
        "the two-hundred-and-fiftieth secrets blind test (written in session 36, focus: customs "
        "brokers, freight forwarders and port agents; scored in session 36 on bcd7425) (the rules"
        " alone 0.98/1.00; with the token model 1.00/1.00; personal 1.00/0.95); read in session "
        "36 (air waybills with their check digit no phone): development since"
    ),
    "blind359": (
        "the two-hundred-and-fifty-first secrets blind test (written in session 36, focus: film, "
        "TV and video production and post-production; scored in session 36 on bcd7425) (the rules"
        " alone 0.93/1.00; with the token model 0.97/0.98; personal 1.00/0.97); read in session "
        "36 (hex a token is 'set it to', a Wi-Fi key 'geändert in' its value, an edit suite's "
        "'Schnittplatz 2' no address, an EIDR ID no secret): development since"
    ),
    "blind360": (
        "the two-hundred-and-fifty-second secrets blind test (written in session 36, focus: "
        "stadiums, arenas and event ticketing; scored in session 36 on bcd7425) (the rules alone "
        "0.89/0.98; with the token model 0.97/0.98; personal 1.00/0.95); read in session 36 (a "
        "radio's privacy key in hex, an authenticator's seed in small base32 groups, "
        "'Kassenarbeitsplatz 2' no address, a public number the firm's, a year in a vault item's "
        "name no backup code): development since"
    ),
    "blind361": (
        "the two-hundred-and-fifty-third secrets blind test (written in session 36, focus: flight"
        " schools, small airfields and aviation ground handling; scored in session 36 on 0979b0d)"
        " (the rules alone 0.95/1.00; with the token model 0.97/1.00; personal 0.95/0.97, 36 of "
        "38); read in session 36 (pilots' licence numbers, an Italian bank's 'codice "
        "dispositivo', an authenticator's seed after 'secret', an emergency contact set to a "
        "club's switchboard): development since"
    ),
    "blind362": (
        "the two-hundred-and-fifty-fourth secrets blind test (written in session 36, focus: "
        "constituency offices and local party branches; scored in session 36 on 0979b0d) (the "
        "rules alone 0.98/0.98; with the token model 1.00/0.98; personal 1.00/0.97); read in "
        "session 36 (a number ', the branch office line'; 'das Kennwort des gemeinsamen "
        "Geschäftsstellen-Kontos' stays a false alarm; the 'gemeinsamen Geschäftsstellen-Kontos' "
        "false alarm mended in session 37): development since"
    ),
    "blind363": (
        "the two-hundred-and-fifty-fifth secrets blind test (written in session 36, focus: "
        "quarries, mines, concrete and asphalt plants; scored in session 36 on 0979b0d) (the "
        "rules alone 0.92/1.00; with the token model 1.00/1.00; personal 1.00/0.98); read in "
        "session 36 (a 'Bedrijfsmobiel' right before its number): development since"
    ),
    "blind364": (
        "the two-hundred-and-fifty-sixth secrets blind test (written in session 36, focus: theme "
        "parks and visitor attractions; scored in session 36 on 0979b0d) (the rules alone "
        "0.92/1.00; with the token model 0.97/1.00; personal 1.00/0.95); read in session 36 (work"
        " phones issued in German and Dutch, a password 'reset' for an account named between; a "
        "password with brackets and braces stays missed; the password with brackets and braces "
        "mended in session 37): development since"
    ),
    "blind365": (
        "the two-hundred-and-fifty-seventh secrets blind test (written in session 36, focus: an "
        "MSP taking on a new client, discovery audits; scored in session 36 on 49f7e55) (the "
        "rules alone 0.85/1.00; with the token model 0.95/1.00; personal 0.97/0.93); read in "
        "session 36 (a password that 'lautete' its value, serials after 'Seriennummern'; an NHS "
        "number and a date of birth in a file's name, a date of birth used as a password, a "
        "password e-mailed 'as' its value and company mobiles listed as examples stay wrong; the "
        "company mobiles listed as examples mended in session 37): development since"
    ),
    "blind366": (
        "the two-hundred-and-fifty-eighth secrets blind test (written in session 36, focus: bike "
        "shops, cycle hire and e-scooter fleets; scored in session 36 on 49f7e55) (the rules "
        "alone 0.97/1.00; with the token model 1.00/0.98; personal 0.97/1.00); read in session 36"
        " (a rider's mobile 'on the account', a fob's number no secret): development since"
    ),
    "blind367": (
        "the two-hundred-and-fifty-ninth secrets blind test (written in session 36, focus: "
        "student accommodation, hostels and halls; scored in session 36 on 49f7e55) (the rules "
        "alone 0.97/1.00; with the token model 0.98/0.98; personal 1.00/1.00); read in session 36"
        " (a Wi-Fi key after 'chave Wi-Fi nova,'; an access token's number stays a false alarm): "
        "development since"
    ),
    "blind368": (
        "the two-hundred-and-sixtieth secrets blind test (written in session 36, focus: car hire "
        "and van rental; scored in session 36 on 49f7e55) (the rules alone 0.95/1.00; with the "
        "token model 1.00/1.00; personal 0.88/1.00); read in session 36 (an address after 'vanuit"
        " huis', a customer's mobile 'on his account'; customers' delivery addresses corrected at"
        " a branch's request stay missed; two of the three delivery addresses corrected at a "
        "branch's request mended in session 37): development since"
    ),
    "blind369": (
        "the two-hundred-and-sixty-first secrets blind test (written in session 37, focus: "
        "launderettes, dry cleaners, tailors and shoe repairers; scored in session 37 on 289bc97)"
        " (the rules alone 0.93/1.00; with the token model 0.98/0.98; personal 1.00/0.97); read "
        "in session 37 (a Wi-Fi key between commas after the sticker it was read from, a voucher "
        "batch's number): development since"
    ),
    "blind370": (
        "the two-hundred-and-sixty-second secrets blind test (written in session 37, focus: "
        "removal firms, man-and-van operators, couriers and parcel depots; scored in session 37 "
        "on 289bc97) (the rules alone 0.93/1.00; with the token model 1.00/1.00; personal "
        "0.97/1.00); read in session 37 (a postcode read as a gate code's digits): development "
        "since"
    ),
    "blind371": (
        "the two-hundred-and-sixty-third secrets blind test (written in session 37, focus: call "
        "centres and outsourced contact centres; scored in session 37 on 289bc97) (the rules "
        "alone 0.95/1.00; with the token model 0.98/1.00; personal 1.00/0.93); read in session 37"
        " ('número corporativo', 'her desk line is', a number after a contact's work e-mail; a "
        "test customer's passcode 'showed' stays missed): development since"
    ),
    "blind372": (
        "the two-hundred-and-sixty-fourth secrets blind test (written in session 37, focus: "
        "translation and interpreting agencies; scored in session 37 on 289bc97) (the rules alone"
        " 0.93/1.00; with the token model 0.98/1.00; personal 0.97/1.00); read in session 37 (a "
        "GUID-shaped 'authentication key', a quoted message's last sentence): development since"
    ),
    "blind373": (
        "the two-hundred-and-sixty-fifth secrets blind test (written in session 37, focus: "
        "hospices and palliative care; scored in session 37 on 289bc97) (the rules alone "
        "0.92/1.00; with the token model 0.98/1.00; personal 0.97/0.95); read in session 37 "
        "('Mudámos para' a code, an advice line, a smartcard's number; a manager's home address "
        "in a test record stays missed): development since"
    ),
    "blind374": (
        "the two-hundred-and-sixty-sixth secrets blind test (written in session 37, focus: "
        "internet cafés, LAN and esports venues; scored in session 37 on 289bc97) (the rules "
        "alone 0.92/1.00; with the token model 0.97/1.00; personal 1.00/0.97); read in session 37"
        " (IDENTIFIED BY in an SQL statement, 'Nouveau code programmé,', 'il numero fisso della "
        "sala'): development since"
    ),
    "blind375": (
        "the two-hundred-and-sixty-seventh secrets blind test (written in session 37, focus: car "
        "parks, vending and EV charging; scored in session 37 on 289bc97) (the rules alone "
        "0.95/1.00; with the token model 1.00/1.00; personal 1.00/1.00); read in session 37 (no "
        "errors with the token model): development since"
    ),
    "blind376": (
        "the two-hundred-and-sixty-eighth secrets blind test (written in session 37, focus: "
        "riding schools, livery yards and equestrian centres; scored in session 37 on 289bc97) "
        "(the rules alone 0.97/1.00; with the token model 0.97/1.00; personal 0.97/0.93); read in"
        " session 37 ('il nuovo codice ... a', 'a random six digits', 'Pony Club', horses' "
        "passport and chip numbers; a yard's work mobile named two sentences before stays a false"
        " alarm): development since"
    ),
    "blind377": (
        "the two-hundred-and-sixty-ninth secrets blind test (written in session 37, focus: "
        "prisons, probation and youth offending teams; scored in session 37 on 289bc97) (the "
        "rules alone 0.95/1.00; with the token model 1.00/1.00; personal 0.97/0.95); read in "
        "session 37 ('parketnummer', 'el número correcto' after a switchboard; a mobile the "
        "officer 'gave us' stays missed): development since"
    ),
    "blind378": (
        "the two-hundred-and-seventieth secrets blind test (written in session 37, focus: fishing"
        " fleets, fish markets and harbour offices; scored in session 37 on 289bc97) (the rules "
        "alone 0.92/1.00; with the token model 0.98/1.00; personal 0.97/0.95); read in session 37"
        " ('è di nuovo' a code, 'telemóvel de serviço', a 'lonja's' number; an Urk address ('Wijk"
        " 6 85') stays missed): development since"
    ),
    "blind379": (
        "the two-hundred-and-seventy-first secrets blind test (written in session 37, focus: "
        "notes made of a PSA's canned phrases and unfilled placeholders; scored in session 37 on "
        "289bc97) (the rules alone 0.98/1.00; with the token model 0.98/1.00; personal "
        "1.00/0.93); read in session 37 (a footer 'quoting your ticket number' or 'Ticket "
        "closed', a signature under its heading; a bypass code 'I actually gave him' stays "
        "missed): development since"
    ),
    "blind380": (
        "the two-hundred-and-seventy-second secrets blind test (written in session 37, focus: "
        "auction houses, pawnbrokers and second-hand dealers; scored in session 37 on 289bc97) "
        "(the rules alone 0.97/1.00; with the token model 0.98/1.00; personal 0.97/1.00); read in"
        " session 37 (a recorder's verification code 'set it to'; a German identity card number "
        "with its check digit stays missed): development since"
    ),
    "blind381": (
        "the two-hundred-and-seventy-third secrets blind test (written in session 37, focus: "
        "pharmaceutical wholesalers and medical-supply distributors; scored in session 37 on "
        "8e90e46) (the rules alone 0.97/1.00; with the token model 1.00/0.98; personal "
        "1.00/0.93); read in session 37 (a drug's AIC code and 'código nacional', a main line's "
        "new number, 'Meadowbank' no bank): development since"
    ),
    "blind382": (
        "the two-hundred-and-seventy-fourth secrets blind test (written in session 37, focus: "
        "councils' waste and recycling depots; scored in session 37 on 8e90e46) (the rules alone "
        "0.92/1.00; with the token model 1.00/1.00; personal 0.97/1.00); read in session 37 (a "
        "resident's address at a 'bin store'): development since"
    ),
    "blind383": (
        "the two-hundred-and-seventy-fifth secrets blind test (written in session 37, focus: "
        "sports governing bodies, leagues and referees; scored in session 37 on 8e90e46) (the "
        "rules alone 0.93/1.00; with the token model 1.00/1.00; personal 1.00/0.86); read in "
        "session 37 (a league-issued phone, a work mobile the body 'heeft gegeven', a "
        "certificate's and a project's numbers; players' licence numbers in two notes stay false "
        "alarms): development since"
    ),
    "blind384": (
        "the two-hundred-and-seventy-sixth secrets blind test (written in session 37, focus: "
        "coworking spaces and serviced offices; scored in session 37 on 8e90e46) (the rules alone"
        " 0.93/1.00; with the token model 1.00/1.00; personal 0.97/0.90); read in session 37 "
        "(pass, fob and chip numbers in brackets, a building's mail room; a date of birth a "
        "member 'gave' stays missed): development since"
    ),
    "blind385": (
        "the two-hundred-and-seventy-seventh secrets blind test (written in session 37, focus: "
        "notes hard-wrapped by mail clients at about 72 characters; scored in session 37 on "
        "50e81b1) (the rules alone 0.80/1.00; with the token model 0.98/0.98; personal "
        "0.947/1.00); read in session 37 (a Wi-Fi key on the line under its label, its mode in "
        "brackets after it; bank details and a date of birth wrapped inside a quoted message, and"
        " a printer's serial the token model flags, stay wrong): development since"
    ),
    "blind386": (
        "the two-hundred-and-seventy-eighth secrets blind test (written in session 37, focus: "
        "ambulance services, patient transport and first-aid trainers; scored in session 37 on "
        "50e81b1) (the rules alone 0.95/1.00; with the token model 1.00/1.00; personal "
        "0.97/0.97); read in session 37 (an incident's number, 'the premises record' a home's): "
        "development since"
    ),
    "blind387": (
        "the two-hundred-and-seventy-ninth secrets blind test (written in session 37, focus: "
        "mobile devices, SIM swaps, PUKs and eSIM codes; scored in session 37 on 50e81b1) (the "
        "rules alone 0.85/0.98; with the token model 0.95/0.93; personal 1.00/0.89); read in "
        "session 37 (an eSIM's activation string on its own, a forwarding code's placeholder, "
        "'zakelijke lijnen'; tablets' serials the token model flags and company lines named only "
        "'lines' stay false alarms): development since"
    ),
    "blind388": (
        "the two-hundred-and-eightieth secrets blind test (written in session 37, focus: "
        "printers, sign makers and copy shops; scored in session 37 on 50e81b1) (the rules alone "
        "0.98/1.00; with the token model 1.00/0.98; personal 1.00/0.95); read in session 37 (a "
        "colour profile's file name, 'el teléfono central'; a firm customer's new delivery "
        "address stays a false alarm): development since"
    ),
}
# What changed in the rules between the last two measurements of d (both after a freeze).
CHANGED_BEFORE_THIS_D_RUN = (
    "session 4, after reading batch d (so d is no longer a test): lists of backup and recovery "
    "codes on the lines under their heading (kbassist/hygiene/code_lists.py), in seven "
    "languages, checked for new flags on 25,000 unlabelled public texts (none); and d's two "
    "personal-data false alarms fixed as kinds (a number provisioned in a phone system: "
    "Operator Connect, Calling Plan, Direct Routing; a fob, token or badge number), which "
    "changed no other phone span in those texts"
)
VARIANTS = ROOT / "tests" / "data" / "secrets_variants.jsonl"
# Each round of the variants set measured once, before the rules were changed for it:
# (secret recall, secret precision, personal recall, personal precision, notes).
VARIANT_FRESH = {
    "1": {"rules": "main at 54fbdec", "secret": [0.919, 0.986], "personal": [0.96, 1.0],
          "notes": 244, "missed": 12, "false": 2},
    "2": {"rules": "after the round-1 fixes", "secret": [0.886, 1.0], "personal": [1.0, 1.0],
          "notes": 108, "missed": 8, "false": 0},
    "3": {"rules": "after the round-2 fixes", "secret": [0.967, 0.967], "personal": [1.0, 1.0],
          "notes": 56, "missed": 1, "false": 1},
    "4": {"rules": "after the round-3 fixes", "secret": [0.852, 1.0], "personal": [1.0, 1.0],
          "notes": 46, "missed": 4, "false": 0},
}  # fmt: skip

# (has a secret, has personal data or None when the method does not judge it)
Verdict = tuple[bool, bool | None]
Judge = Callable[[str], Verdict]


def load_batch(folder: Path, batch: str) -> list[dict[str, Any]]:
    """The notes of one batch, read in place (never copied); blind1 and blind2 are the blind
    files."""
    path = BLIND.get(batch, folder / f"batch-{batch}.jsonl")
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --- the methods ---------------------------------------------------------------------


def detect_secrets_alone() -> Judge:
    from detect_secrets.core.scan import scan_line
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin
    from detect_secrets.settings import default_settings, get_plugins

    def judge(text: str) -> Verdict:
        with default_settings():
            plugins = {plugin.secret_type: plugin for plugin in get_plugins()}
            for line in text.splitlines():
                for secret in scan_line(line):
                    plugin = plugins[secret.type]
                    if isinstance(plugin, HighEntropyStringsPlugin):
                        entropy = plugin.calculate_shannon_entropy(secret.secret_value or "")
                        if entropy <= plugin.entropy_limit:
                            continue
                    return True, None
        return False, None

    return judge


def _spans_judge(sensitive_spans: Callable[[str], list[Any]]) -> Judge:
    def judge(text: str) -> Verdict:
        spans = sensitive_spans(text)
        return (
            any(span.rule == "secret" for span in spans),
            any(span.rule == "personal-data" for span in spans),
        )

    return judge


def before() -> Judge:
    path = ROOT / "bench" / "baselines" / "hygiene_main.py"
    spec = importlib.util.spec_from_file_location("hygiene_main", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["hygiene_main"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return _spans_judge(module.sensitive_spans)


def kbassist_rules() -> Judge:
    from kbassist.hygiene import sensitive_spans

    return _spans_judge(lambda text: sensitive_spans(text, learned=False))


def kbassist_hygiene() -> Judge:
    from kbassist.hygiene import sensitive_spans

    return _spans_judge(sensitive_spans)


METHODS: dict[str, Callable[[], Judge]] = {
    "detect-secrets": detect_secrets_alone,
    "before": before,
    "kbassist rules": kbassist_rules,
    "kbassist": kbassist_hygiene,
}


# --- scoring -------------------------------------------------------------------------


def rates(pairs: Sequence[tuple[bool, bool]]) -> dict[str, Any]:
    """Precision and recall of guesses against truths, with the counts."""
    tp = sum(1 for truth, guess in pairs if truth and guess)
    fp = sum(1 for truth, guess in pairs if guess and not truth)
    fn = sum(1 for truth, guess in pairs if truth and not guess)
    return rates_of_counts(tp, fp, fn)


def rates_of_counts(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision and recall from true positives, false positives and false negatives."""
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score_batch(notes: Sequence[dict[str, Any]], judge: Judge) -> dict[str, Any]:
    secret: list[tuple[bool, bool]] = []
    personal: list[tuple[bool, bool]] = []
    for note in notes:
        has_secret, has_personal = judge(note["note"])
        secret.append((bool(note["labels"]["secret"]), has_secret))
        if has_personal is not None:
            personal.append((bool(note["labels"]["personal_data"]), has_personal))
    return {"secret": rates(secret), "personal": rates(personal) if personal else None}


def summarise(per_batch: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Mean and worst batch of each figure."""
    summary: dict[str, Any] = {}
    for label in ("secret", "personal"):
        rows = [result[label] for result in per_batch.values() if result[label] is not None]
        summary[label] = (
            {
                f"{measure}_{how}": round(fn([row[measure] for row in rows]), 4)
                for measure in ("precision", "recall")
                for how, fn in (("mean", statistics.fmean), ("worst", min))
            }
            if rows
            else None
        )
    return summary


def throughput(texts: Sequence[str], judge: Judge, rounds: int = 3) -> dict[str, float]:
    """Notes per second over all the notes: CPU time (the cost) and wall time (this run)."""
    judge(texts[0])  # imports and plugin set-up are not part of the per-note cost
    cpu, wall = [], []
    for _ in range(rounds):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for text in texts:
            judge(text)
        cpu.append(time.process_time() - cpu_start)
        wall.append(time.perf_counter() - wall_start)
    return {
        "notes_per_cpu_second": round(len(texts) / statistics.median(cpu), 1),
        "notes_per_wall_second": round(len(texts) / statistics.median(wall), 1),
    }


def load_variants() -> list[dict[str, Any]]:
    """The hand-written variants, as batch-shaped notes grouped by round."""
    with open(VARIANTS, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [
        {
            "round": str(row["round"]),
            "note": row["text"],
            "values": row["values"],
            "labels": {"secret": row["secret"], "personal_data": row["personal"]},
        }
        for row in rows
    ]


def score_variants(variants: Sequence[dict[str, Any]], judge: Judge) -> dict[str, Any]:
    """Recall and precision on each round of the variants and on all of them."""
    rounds = sorted({row["round"] for row in variants})
    scored = {r: score_batch([v for v in variants if v["round"] == r], judge) for r in rounds}
    scored["all"] = score_batch(variants, judge)
    return scored


def masked_share(variants: Sequence[dict[str, Any]]) -> float:
    """Share of the variants with a value whose every value is gone after kbassist's mask."""
    from kbassist.hygiene import mask

    carrying = [row for row in variants if row["values"]]
    clean = sum(
        1 for row in carrying if not any(value in mask(row["note"]) for value in row["values"])
    )
    return round(clean / len(carrying), 4)


def run(data_dir: Path = DEFAULT_DATA, batches: Sequence[str] = BATCHES) -> dict[str, Any]:
    """Every method on every batch, with summaries and throughput (what the JSON holds)."""
    notes = {batch: load_batch(Path(data_dir), batch) for batch in batches}
    variants = load_variants()
    texts = [note["note"] for batch in batches for note in notes[batch]]
    methods: dict[str, Any] = {}
    for name, make in METHODS.items():
        judge = make()
        per_batch = {batch: score_batch(notes[batch], judge) for batch in batches}
        held_out = {b: r for b, r in per_batch.items() if b in ("d",)}
        methods[name] = {
            "per_batch": per_batch,
            "all_batches": summarise(per_batch),
            "held_out": summarise(held_out) if held_out else None,
            "variants": score_variants(variants, judge),
            "throughput": throughput(texts, judge),
        }
    return {
        "data": str(data_dir),
        "batches": list(batches),
        "notes": len(texts),
        "seen_during_development": {b: SEEN[b] for b in batches},
        "changed_before_this_d_run": CHANGED_BEFORE_THIS_D_RUN if "d" in batches else None,
        "variants": {
            "file": str(VARIANTS.relative_to(ROOT)),
            "notes": len(variants),
            "first_measurement_per_round": VARIANT_FRESH,
            "kbassist_values_masked": masked_share(variants),
        },
        "targets_worst_batch": TARGETS,
        "methods": methods,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count() or 0,
    }


# --- report --------------------------------------------------------------------------


def _cell(figures: dict[str, Any] | None) -> str:
    if figures is None:
        return "—".rjust(22)
    text = (
        f"{figures['recall']:.2f}/{figures['precision']:.2f} ({figures['fn']}fn {figures['fp']}fp)"
    )
    return text.rjust(22)


def print_report(result: dict[str, Any]) -> None:
    batches = result["batches"]
    print("Secrets and personal data, note level: recall/precision (missed, false alarms)")
    for batch in batches:
        print(f"  batch {batch}: {result['seen_during_development'][batch]}")
    header = f"{'method':<16}{'label':<10}" + "".join(f"{'batch ' + b:>22}" for b in batches)
    print("\n" + header + f"{'mean R/P':>12}{'worst R/P':>12}{'notes/s':>10}")
    for name, method in result["methods"].items():
        speed = method["throughput"]["notes_per_wall_second"]
        for label in ("secret", "personal"):
            cells = "".join(_cell(method["per_batch"][b][label]) for b in batches)
            summary = method["all_batches"][label]
            tail = (
                f"{summary['recall_mean']:.2f}/{summary['precision_mean']:.2f}".rjust(12)
                + f"{summary['recall_worst']:.2f}/{summary['precision_worst']:.2f}".rjust(12)
                if summary
                else "—".rjust(12) * 2
            )
            rate = f"{speed:>10.0f}" if label == "secret" else ""
            print(f"{name:<16}{label:<10}{cells}{tail}{rate}")
    rounds = list(result["methods"]["kbassist"]["variants"])
    print(
        f"\nvariants ({result['variants']['file']}, {result['variants']['notes']} notes, tuned "
        "after each round's first measurement): recall/precision"
    )
    print(f"{'method':<16}{'label':<10}" + "".join(f"{'round ' + r:>22}" for r in rounds))
    for name, method in result["methods"].items():
        for label in ("secret", "personal"):
            cells = "".join(_cell(method["variants"][r][label]) for r in rounds)
            print(f"{name:<16}{label:<10}{cells}")
    fresh = result["variants"]["first_measurement_per_round"]
    print(
        "first measurement of each round (secret R/P): "
        + ", ".join(f"{r} {f['secret'][0]:.2f}/{f['secret'][1]:.2f}" for r, f in fresh.items())
        + f"; kbassist masks every value in {result['variants']['kbassist_values_masked']:.1%}"
        " of the variants that carry one"
    )
    ours = result["methods"]["kbassist"]
    base = result["methods"]["before"]
    print(
        "\nthroughput (notes/s, CPU): "
        + ", ".join(
            f"{n} {m['throughput']['notes_per_cpu_second']:.0f}"
            for n, m in result["methods"].items()
        )
        + f"; load average {result['load_average_1min']} on {result['cpus']} CPUs"
    )
    if ours["held_out"]:
        held = ours["held_out"]
        print(
            "batch d (a test until session 3, development now): secret recall "
            f"{held['secret']['recall_worst']:.2f} (target 0.98), precision "
            f"{held['secret']['precision_worst']:.2f} (0.90); personal recall "
            f"{held['personal']['recall_worst']:.2f} (0.95); before: secret recall "
            f"{base['held_out']['secret']['recall_worst']:.2f}"
        )


# --- a blind file ------------------------------------------------------------------------

# The next file no one has read (session 6): the default of --blind.
NEXT_BLIND = ROOT / "bench" / "data" / "secrets_blind393.jsonl"


def run_blind(path: Path) -> dict[str, Any]:
    """Every method on one labelled file no one tuning the detectors has read (``labels``
    with ``secret`` and ``personal_data``, ``values``), and whether kbassist's stored text
    keeps any value. The notes missed and the false alarms go to the JSON by id only, and are
    not printed: reading them turns the file into development data."""
    from quality_blind import masking_check

    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for number, row in enumerate(rows, 1):
        labels = row.get("labels")
        if not isinstance(row.get("note"), str) or not isinstance(labels, dict):
            raise ValueError(f"{path.name} line {number}: needs a 'note' and 'labels'")
        for label in ("secret", "personal_data"):
            if labels.get(label) not in (0, 1, True, False):
                raise ValueError(f"{path.name} line {number}: labels.{label} must be 0 or 1")
    methods: dict[str, Any] = {}
    flagged: list[bool] = []
    errors: dict[str, list[str]] = {}
    for name, make in METHODS.items():
        judge = make()
        verdicts = [judge(row["note"]) for row in rows]
        methods[name] = score_batch(rows, judge)
        if name == "kbassist":
            flagged = [bool(s or p) for s, p in verdicts]
            for row, (secret, personal) in zip(rows, verdicts, strict=True):
                for label, guess in (("secret", secret), ("personal_data", personal)):
                    truth = bool(row["labels"][label])
                    if truth != bool(guess):
                        kind = f"{label} {'missed' if truth else 'false alarm'}"
                        errors.setdefault(kind, []).append(str(row.get("id")))
    return {
        "file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
        "notes": len(rows),
        "with_secret": sum(bool(r["labels"]["secret"]) for r in rows),
        "with_personal_data": sum(bool(r["labels"]["personal_data"]) for r in rows),
        "methods": methods,
        "masking": masking_check(rows, flagged),
        "kbassist_errors_by_id": errors,
        "targets": TARGETS,
    }


def print_blind(result: dict[str, Any]) -> None:
    print(
        f"blind file {result['file']}: {result['notes']} notes, {result['with_secret']} with a "
        f"secret, {result['with_personal_data']} with personal data"
    )
    print(f"{'method':<16}{'secret R/P':>24}{'personal R/P':>24}")
    for name, figures in result["methods"].items():
        print(f"{name:<16}{_cell(figures['secret']):>24}{_cell(figures['personal']):>24}")
    for scope, check in result["masking"].items():
        print(
            f"masking, {scope.replace('_', ' ')}: {check['absent_after_masking']} of "
            f"{check['values']} values absent from the stored text; notes with a value left: "
            f"{len(check['notes_with_a_value_left'])} (ids in the JSON only)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--batches", nargs="+", default=list(BATCHES), choices=BATCHES)
    parser.add_argument(
        "--blind",
        nargs="?",
        type=Path,
        const=NEXT_BLIND,
        metavar="FILE",
        help=f"score one labelled file no one has read (default {NEXT_BLIND.relative_to(ROOT)}) "
        "and write bench/results/secrets-<name>.json; errors by id in the JSON only",
    )
    parser.add_argument("--out", type=Path, help="--blind: where to write the JSON")
    args = parser.parse_args(argv)
    if args.blind is not None:
        if not args.blind.is_file():
            print(f"No blind file at {args.blind}.", file=sys.stderr)
            return 2
        try:
            blind = run_blind(args.blind.resolve())
        except (ValueError, KeyError) as error:
            print(f"{error}", file=sys.stderr)
            return 2
        print_blind(blind)
        out = args.out or RESULTS_DIR / f"secrets-{args.blind.stem}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(blind, indent=2) + "\n")
        print(f"\nwrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
        return 0
    if not (args.data / "batch-a.jsonl").is_file():
        print(f"No closure-note batches in {args.data}: set KBASSIST_BENCH_DATA.", file=sys.stderr)
        return 2
    result = run(args.data, args.batches)
    print_report(result)
    if tuple(args.batches) == BATCHES:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
        print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
