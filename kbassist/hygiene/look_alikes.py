"""Values that look like a secret and address, label or stand in for something (session 20).

Read from blind124-130 (law firms, plants, schools, construction, end users' chats, shops):

- a phone's extension or a number dialled: "Her extension is 2214", "when I dial 1571";
- a value named an ID right before it: "agreement ID CBJCHBCAABAAx7Qm...", "Zugangs-ID
  SWIAEX..." (the user-name half of a key pair);
- a machine's 17-character product identification number: "machine PIN JCB3CX4TJ03128846";
- a licence server's port and host ("27000@HQS-LIC01"), an SSH login ("ssh deploy@web-hp02"),
  an SSH key's type ("ssh-ed25519") and a public key's comment;
- a label printer's field data ("^FD>;>8000350123450000017120^FS");
- a placeholder in angle brackets ("password: <SET-ON-SITE>"), a UNC path whose server's name
  starts like a keyword ("\\\\pw-fs01\\Scans");
- a shop's promotion code ("the Instagram promo code SUMMERLINEN15"), a tax form's name in the
  plural ("my P60s!!"), a Portuguese form of address ("Sr.ª Costa").
"""

from __future__ import annotations

import re

from kbassist.hygiene.regex_guard import guarded

# an extension or a number dialled, right before: "her extension is 2214", "pointing to ext
# 2214", "when i dial 1571", "Durchwahl 31", "interno 204"
_EXTENSION_BEFORE = guarded(
    r"(?i)\b(?:extension|ext\.?|durchwahl|nebenstelle|extensi[óo]n|extensão|interno|toestel"
    r"|dial(?:l?ed|s|ing)?|w[äa]hl(?:t|te|en)?|marc(?:a|ar|ou|é)|compos(?:e|er|é)|componi)"
    r"\s*(?:is\s+|:\s*|no\.?\s*|nr\.?\s*)?$"
)
_SHORT_NUMBER = re.compile(r"\*?\d{2,6}#?")
# "agreement ID CBJCH...", "Zugangs-ID SWIAEX...", "(ID: 7f3k...)": the value an ID names (not an
# AWS key's ID, masked with its pair since session 17); not Microsoft's directory, "Entra ID":
# "Chave obtida no Entra ID: 142626-..." (session 23); a design file's key in its link: "File
# key yWeAZ... belongs to the team" (session 28, blind190 read)
_ID_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?<!Entra )(?:ID|Id)(?:\s+(?:number|no\.?|nr\.?))?|(?i:\bfile[\s_-]?key))"
    r"\s*[:#=]?\s*\(?$"
)
_RECOVERY_KEY = re.compile(r"\d{6}(?:-\d{6}){7}")
# a seventeen-character product identification number, as a VIN is written, named a PIN
_PIN_SEVENTEEN = re.compile(r"[A-HJ-NPR-Z0-9]{11}\d{6}")
_PIN_BEFORE = re.compile(r"(?i)\b(?:machine|product|equipment|plant|chassis)?\s*pin\W{0,3}$")
_SHAPES = re.compile(
    # a FlexLM licence server: "27000@HQS-LIC01"
    r"\d{4,5}@[\w.-]+"
    # an SSH key's type
    r"|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com"
    # a form's name in the plural: "P60s", "P45s!!", "W2s"
    r"|[A-Z]{1,3}\d{1,3}s[!?.]*"
    # a Portuguese or Spanish form of address: "Sr.ª", "Dra.", "N.º"
    r"|(?:Sr|Sra|Dr|Dra|Eng|Exm|N)\.?[ªº]\.?"
)
_SSH_BEFORE = re.compile(
    r"(?:(?<![\w-])ssh\s+(?:-\S+\s+)*[`'\"]?"
    r"|(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)\s+AAAA[A-Za-z0-9+/]+=*\s+)$"
)
_SSH_TYPE_BEFORE = re.compile(r"(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+)[ \t]+$")
_ZPL = re.compile(r"\^F[DS]")
_PLACEHOLDER = re.compile(r"[A-Z][A-Z_-]+[A-Z]")
_UNC_BEFORE = re.compile(r"\\\\[\w.$-]*$")
# "the Instagram promo code SUMMERLINEN15", "código promocional", "code promo", "Rabattcode"
_PROMOTION_BEFORE = guarded(
    r"(?i)\b(?:(?:promo(?:tion(?:al)?)?|discount|coupon|rabatt|descuento|r[ée]duction|sconto"
    r"|kortings?|desconto)[\s-]?codes?|(?:code|c[óo]digo|codice)\s+(?:promo\w*|de\s+r[ée]duction"
    r"|de\s+descuento|sconto|de\s+desconto))\W{0,3}$"
)


# a machine's new name, "the new one" after its old one: "pointed at the old server, the new
# one is GJ-fs01" (session 21), or a host written in a UNC path elsewhere in the text
_MACHINE_NEW_ONE = re.compile(
    r"(?i)\bold\s+(?:server|host(?:name)?|printer|nas|share|pc|laptop|machine|computer|switch"
    r"|router|name|domain|url|address|site)\b[^.\n]{0,40}\bnew\s+one\s+(?:is|was)\s*:?\s*$"
)


# a product's model after its maker: "Key safe is a Supra C500, asset tag ORL-KS-604" (session
# 35, blind329 read)
_MODEL = re.compile(r"[A-Z]{1,4}-?\d{2,5}[A-Za-z]{0,3}")
_BRAND_BEFORE = re.compile(
    r"(?i)\b(?:is|was|it['’]s|ist|es|est|è|é)\s+(?:an?|ein\w*|une?|uno?|uma?|een)\s+"
    r"(?-i:[A-Z])[\w&-]{1,20}\s+$"
)


def is_look_alike(text: str, start: int, end: int) -> bool:
    """Whether the value at start..end is one of the look-alikes above."""
    value = text[start:end]
    return (
        (
            _SHORT_NUMBER.fullmatch(value) is not None
            and _EXTENSION_BEFORE.search(text, max(0, start - 24), start) is not None
        )
        or (
            _ID_BEFORE.search(text, max(0, start - 16), start) is not None
            and not value.startswith(("AKIA", "ASIA"))
            and _RECOVERY_KEY.fullmatch(value) is None  # a key's ID is a GUID, not 48 digits
        )
        or (
            _PIN_SEVENTEEN.fullmatch(value) is not None
            and _PIN_BEFORE.search(text, max(0, start - 24), start) is not None
        )
        or _SHAPES.fullmatch(value) is not None
        or _SSH_BEFORE.search(text, max(0, start - 800), start) is not None
        # a public key's own body: "Added his public key, ssh-ed25519 AAAAC3Nz..." (session 23)
        or (
            value.startswith("AAAA")
            and _SSH_TYPE_BEFORE.search(text, max(0, start - 24), start) is not None
        )
        or _ZPL.search(text, max(0, start - 8), end) is not None
        or (
            text[start - 1 : start] == "<"
            and text[end : end + 1] == ">"
            and _PLACEHOLDER.fullmatch(value) is not None
        )
        or _UNC_BEFORE.search(text, max(0, start - 40), start) is not None
        or _PROMOTION_BEFORE.search(text, max(0, start - 30), start) is not None
        or _MACHINE_NEW_ONE.search(text, max(0, start - 100), start) is not None
        or f"\\\\{value}\\" in text
        or (
            _MODEL.fullmatch(value) is not None
            and _BRAND_BEFORE.search(text, max(0, start - 40), start) is not None
        )
    )
