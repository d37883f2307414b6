"""The filler words the keyword reader skips between a keyword and its value, in seven
languages: separators, link words ("is", "lautet", "naar"), verbs ("reset", "zurückgesetzt"),
prepositions, articles, adjectives ("temporary", "provvisoria") and list words.

Data only; :mod:`kbassist.hygiene.keyword_scan` reads them.
"""

from __future__ import annotations

import re

SEPARATORS = frozenset({":", "=", ":=", "=>", "->", "→", "-", "–", "—", "::", "|"})
# Words that link a keyword to its value: "is", "set to", "lautet", "naar", "para".
LINKS = frozenset(
    """
    is was are were ist war lautet es era est était é è to auf a à en naar op para as now zu
    will be stays remains bleibt sera será from von
    still always sempre siempre toujours immer altijd ainda nog noch
    """.split()
)
# Link words that are also everyday prepositions: "pass to L2", "token as before".
WEAK_LINKS = frozenset({"to", "a", "à", "en", "op", "as", "zu", "now", "from", "von"})
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
    she he they read out dictated
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
