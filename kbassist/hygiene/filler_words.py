"""The filler words the keyword reader skips between a keyword and its value, in seven
languages: separators, link words ("is", "lautet", "naar"), verbs ("reset", "zurückgesetzt"),
prepositions, articles, adjectives ("temporary", "provvisoria") and list words; and the
set-verbs and link words that join a keyword to a value later in its sentence.

Data only; :mod:`kbassist.hygiene.keyword_scan` reads them.
"""

from __future__ import annotations

import re

from kbassist.hygiene.regex_guard import guarded

SEPARATORS = frozenset({":", "=", ":=", "=>", "->", "→", "-", "–", "—", "::", "|"})
# Words that link a keyword to its value: "is", "set to", "lautet", "naar", "para".
LINKS = frozenset(
    """
    is was are were ist war lautet lautete es era est était é è to auf a à en naar op para as now zu
    will would be stays remains bleibt sera será from von ser
    still always sempre siempre toujours immer altijd ainda nog noch
    of
    """.split()
)
# Link words that are also everyday prepositions: "pass to L2", "token as before"; "a
# temporary password of OV5mW48BT1" (session 24, blind147 read)
WEAK_LINKS = frozenset({"to", "a", "à", "en", "op", "as", "zu", "now", "from", "von", "of"})
VERBS = frozenset(
    """
    has have had been got wurde ist fue ha sido a été est werd foi é è stato stata sono
    set reset re-set changed updated temporarily initially zurückgesetzt gesetzt geändert
    vergeben restablecida restablecido cambiada cambiado establecida establecido reiniciada
    réinitialisé réinitialisée changé changée défini définie modifié modifiée gereset
    gewijzigd ingesteld veranderd redefinida redefinido alterada alterado definida definido
    reimpostata reimpostato impostata impostato cambiata cambiato modificata modificato
    jetzt nun ahora maintenant nu agora ora now also auch también aussi ook também anche
    generated issued given created provided sent assigned asignado asignada attribué attribuée
    zugewiesen toegewezen atribuído atribuída assegnato assegnata
    yesterday today earlier again previously originally tonight heute gestern vorher ayer hoy
    wieder erneut nochmals weer opnieuw nuevamente encore ancora novamente
    antes hier aujourd'hui avant gisteren vandaag eerder ontem hoje ieri oggi prima
    she he they read out dictated passou passa ficou
    aktuell derzeit momentan currently actualmente actuellement attualmente momenteel atualmente
    """.split()
)
PREPOSITIONS = frozenset(
    "for of on für des der del de para pour du voor van do da di per della dello at".split()
)
ARTICLES = frozenset(
    "the his her their its your our den die das dem el la le les o il het l' un une een".split()
)
ADJECTIVES = frozenset(
    """
    temporal temporaire provisoire provisional provisória provisório temporário temporária
    temporanea temporaneo tijdelijk tijdelijke nuevo nueva nouveau nouvelle novo nova nuovo
    nuova nieuw nieuwe inicial initial initiale iniziale neues neue neuer vorläufiges vorläufige
    temporäres temporäre actual actuel actuelle atual new temp temporary current old default
    provvisoria provvisorio provisoria provisorio voorlopig voorlopige vorläufig einmalig
    vorübergehend temporär temporariamente temporalmente temporaneamente provisoirement
    impresión impression stampa impressão afdruk print printing release liberación libération
    """.split()
)
LIST_WORDS = frozenset(
    {",", "/", "&", "and", "und", "y", "et", "en", "e", "or", "oder", "o", "ou", "of"}
)

# An HTML tag left by a PSA's export is skipped like whitespace; anything else in angle
# brackets is a placeholder where a value would stand ("Password=<from vault>;...": session 9),
# and is read as one, so the setting after it is not taken for the value.
HTML_TAG = re.compile(
    r"(?i)</?(?:br|p|div|span|b|i|u|s|strong|em|a|ul|ol|li|table|tr|td|th|tbody|thead|font"
    r"|img|hr|h[1-6]|pre|code|blockquote|sup|sub|small|center|section|label|o:p)\b[^<>]*>"
)


# --- the words that link a value to a keyword later in its sentence (moved here from
# keyword_scan in session 17, when that module reached its length limit) ---

# Words that link a code to its keyword later in the sentence: "she chose 246810".
SEARCH_LINKS = (
    *("to", "is", "was", "chose", "picked", "use", "uses", "enter", "entered", "with"),
    *("it's", "it’s"),  # "the vm pin to be her birthday, so it's 120786" (session 17)
    *("auf", "ist", "lautet", "naar", "op", "para", "a", "à", "est", "é", "è"),
    # "o PIN de impressão ... estava em branco defini 51954" (session 29, blind205 read)
    *("defini", "ficou"),
)
# "pw, reset to Spring2026", "changed it to X": a verb and "to" link any keyword to a value.
SET_VERBS = frozenset(
    """reset set changed change updated update rotated it zurückgesetzt gesetzt geändert
    gewijzigd veranderd cambiado cambiada changé changée modifié modifiée alterado alterada
    mudado mudada cambiato cambiata modificato modificata definida definido definimos""".split()
)
# the word after such a verb that introduces the new value, in the seven languages
# ("a senha ... ficou definida como Mar4vilha-Tejo81": Portuguese "set as", session 17)
SET_TO_WORDS = frozenset({"to", "auf", "naar", "in", "a", "en", "para", "pour", "como"})
# a link that ends its line, the value alone on the next: "the POS network key is now\n
# oViW79kFcKBbuMuUreq\n(WPA2, SSID POS-Bar)" (session 34, blind311 read)
LINK_ENDS_LINE = re.compile(
    r"[^\n]{0,60}?\b(?:is(?:[ \t]+now)?|now|ist|est|es|é|è|lautet|luidt)[ \t]*:?[ \t]*\n"
    r"(?=[ \t]*\S+[ \t]*(?:\n|$|\())"
)
ENGLISH_SET_VERBS = r"(?:reset|set|changed|changes|change|updated|update|rotated)"
# a value that replaced the old one, in the seven languages (session 16)
REPLACE_VERBS = frozenset(
    "replaced vervangen ersetzt remplacé remplacée sustituido sustituida substituído "
    "substituída sostituito sostituita".split()
)
REPLACED_BY = frozenset("with by door durch par por con da".split())
SET_TO = guarded(
    rf"(?i)\b(?:{ENGLISH_SET_VERBS}\s+(?:it\s+)?(?:to|auf)"
    r"|(?:gewijzigd|veranderd)\s+(?:naar|in)|(?:cambiad[oa]|alterad[oa]|mudad[oa])\s+(?:a|para)"
    r"|(?:changée?|modifiée?)\s+(?:en|pour)|(?:cambiat[oa]|modificat[oa])\s+in"
    r"|(?:definid[oa]|definimos)\s+como"
    r"|(?:it's|it\s+is|is)\s+now)\s"
)
# "community was changed on the switches from the default to Gr1dW1nd-ro" (session 7)
SET_FROM_TO = guarded(
    rf"(?i)\b{ENGLISH_SET_VERBS}\b[^.\n]{{0,60}}?\bfrom\s"
    r"[^.\n]{1,30}?\bto\s"
)
# "reset voicemail pin on 3CX ext 204 (reception) to 7731": a set-verb a few words before the
# keyword makes a later "to" (or "auf", "naar") in its sentence the link (session 11).
# In Italian, Spanish and Portuguese: "Cambiata la chiave WPA2 della rete BELLAVISTA-GUEST in
# Portico-Salina-5821" (session 17); the later word is "in", "a" or "para".
SET_BEFORE = guarded(
    rf"(?i)\b(?:{ENGLISH_SET_VERBS}|cambiat[ao]|modificat[ao]|impostat[ao]|cambiad[ao]"
    r"|alterad[ao]|mudad[ao])[ \t]+(?:[\w'’-]+[ \t]+){0,3}$"
)
LATER_TO_WORDS = frozenset({"to", "auf", "naar", "in", "para"})
# ... unless another clause starts before it: "reset her password and logged on to ov-pc-07"
CLAUSE_JOINERS = frozenset("and then while but so und dann en toen".split())
LATER_TO = re.compile(rf"(?i)[ \t](?:{'|'.join(sorted(LATER_TO_WORDS))})[ \t]")
# "Kennwort für den Drucker der Buchhaltung auf X gesetzt": German and Dutch put the verb
# last, so "auf" or "op" is the link when such a verb follows the value (session 11).
SET_LAST_VERBS = frozenset(
    "gesetzt geändert zurückgesetzt eingestellt gezet ingesteld gewijzigd veranderd".split()
)
AGAIN = ("neu", "opnieuw")  # "auf 6092 neu gesetzt"
SET_LAST = re.compile(
    rf"(?i)[ \t](?:auf|op)[ \t]+\S+[ \t]+(?:(?:{'|'.join(AGAIN)})[ \t]+)?"
    rf"(?:{'|'.join(sorted(SET_LAST_VERBS))})\b"
)
