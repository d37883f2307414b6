"""Codes given later in their sentence, or sent in answer to a request (session 17).

"alle gebruikerscodes gewist en nieuwe uitgegeven; de code voor het ochtendteam is nu 8350",
"codice del tastierino cambiato: il nuovo è 915273": the code word, then a few words about
whose it is or what changed, then "is now" or "the new one is" and four to eight digits. A door,
a keypad or an alarm must be named in the sentence or up to 200 characters before it (or an
administrator's code: "The code of administrator ... is now 83614"), so "the build code is now
2041" is not read.

"you'll get a code by text, just send it here'. She sent 207931": six digits someone sent,
gave or read out, where a code that comes by text or an app was asked for just before; "non
mi arriva l'SMS ... (10 min dopo) "arrivato!! è 604218"": the code that arrived; "PIN
incorrect ... I'm typing 90517": the digits someone types where a PIN or code is named.

"le digicode de la porte de l'immeuble a été changé ... demande qu'on le note ... : A1729":
a door code named, and given after the colon that ends the next clause.

"Back-upverificatiecodes ophalen. Eén code voorgelezen aan haar: 2047 4658": a backup code
of two groups of four after a colon, backup codes named before; "can't scan? enter this code
L7YH PHNW GPKF L7FV": a TOTP seed in groups after the words of a manual setup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.hygiene.activation_codes import activation_code_hits
from kbassist.hygiene.clause_values import clause_value_hits
from kbassist.hygiene.keyword_scan import Hit
from kbassist.hygiene.prose_codes import PANEL_ROLE, PLACE_WORDS
from kbassist.hygiene.regex_guard import guarded

_NOW_CODE = re.compile(
    r"(?i)\b(?:code|codes|codice|código|codigo|pin|keypad|\w+code)\b[^.;\n]{0,60}?"
    # "the keypad on the server room door ... changes to 83126"
    r"\b(?:changes\s+to|changed\s+to|will\s+change\s+to"
    # ("der Code lautet ab heute 80666", "il codice ora è 2545B"; session 34, blind311 read)
    r"|is\s+now|is\s+nu|ist\s+(?:jetzt|nun|ab\s+heute|ab\s+sofort)"
    r"|lautet\s+(?:jetzt|nun|ab\s+heute|ab\s+sofort)|(?:ora|adesso)\s+è|est\s+(?:maintenant"
    r"|désormais)|es\s+ahora|é\s+agora|è\s+ora|il\s+nuovo\s+è|the\s+new\s+one\s+is"
    r"|der\s+neue\s+(?:ist|lautet)|de\s+nieuwe\s+is|le\s+nouveau\s+est|el\s+nuevo\s+es"
    r"|o\s+novo\s+é"
    # "O código do turno da manhã passa a ser 9716" (session 29, blind207 read)
    r"|pas+(?:a|ou|ó)\s+a\s+ser"  # "passou a ser 2039" (session 36, blind349 read)
    # "Code wurde geändert, neu 4851" (session 18)
    r"|(?:changed|geändert|gewijzigd|changé|cambiado|alterado|cambiato)[,;]?[ \t]+(?:new|neu"
    r"|nieuw|nouveau|nuevo|novo|nuovo))[ \t]*:?[ \t]*(?P<value>(?-i:[A-Z])?\d{4,8}(?-i:[A-Z])?)"
    r"(?![\w.,/:-]\w)"
)
# the new code named and given: "Digicode ... changé suite au départ d'un porteur. Le nouveau code
# est C4847" (session 34, blind310 read)
_NEW_CODE_IS = guarded(
    r"(?i)\b(?:le\s+nouveau|the\s+new|der\s+neue|el\s+nuevo|o\s+novo|il\s+nuovo|de\s+nieuwe)"
    # (a compound and a few words too: "Der neue Unscharf-Code für unsere Abendreinigung lautet
    # 3064"; session 34, blind319 read)
    r"[ \t]+(?:code|codice|código|codigo|pin|[\w-]+-code)(?:[ \t]+[^.\n:;]{1,40}?)?[ \t]+"
    r"(?:est|is|ist|lautet|es|é|è)[ \t]*:?[ \t]*"
    r"(?P<value>(?-i:[A-Z])?\d{4,8}(?-i:[A-Z])?)(?![\w.,/:-]\w)"
)
_DIGICODE = re.compile(r"(?i)\bdigicodes?\b")
_CODE_CHANGED = guarded(
    r"(?i)\b(?:cambiat[oa]|changed|geändert|changé|cambiad[oa]|alterad[oa]|gewijzigd|reset"
    r"|reimpostat[oa]|réinitialisé|zurückgesetzt)\s+(?:il\s+|the\s+|den\s+|le\s+|el\s+|o\s+|de\s+)?"
    r"(?:code|codice|código|pin)\b"
)
# the new code named, an aside between commas, then its digits: "O novo código, o gerente pediu
# que ficasse registado ..., é mil novecentos ..." (session 25, blind153 read)
_NEW_CODE_ASIDE = re.compile(
    r"(?i)\b(?:(?:new|neue[rn]?|nouveau|nuevo|novo|nuovo|nieuwe)[ \t]+(?:code|codice|código"
    r"|codigo|pin)|(?:code|codice|código|codigo|pin)[ \t]+(?:nuevo|novo|nuovo|nouveau))\b"
    # (or "ficou": "um código novo para o caseiro, ficou oito mil ..."; session 25, blind161)
    r"[^.;\n]{0,160}?,[ \t]*(?:is|es|é|est|ist|è|lautet|luidt|ficou|quedó|queda|became"
    r"|becomes)[ \t]+(?P<value>\d{4,8})"
    r"(?![\w.,/:-]\w)"
)
# a parcel box or locker's code: "der Code aus den Zustellhinweisen ging nicht" (session 18)
_PARCEL_BOX = re.compile(
    r"(?i)paketkast\w*|paketbox\w*|packstation|parcel\s+(?:box|locker)|pakket(?:kluis|box)"
    r"|bo[îi]te\s+(?:à|aux)\s+colis|casier\s+à\s+colis|buz[óo]n\s+de\s+paquetes"
)
# "son code avait été supprimé ... recréé son profil, code 8164 donné par téléphone": a code
# and its digits, then handed over, where a door or an alarm is named before (session 23)
_GIVEN_CODE = guarded(
    r"(?i)\b(?:code|codice|código|codigo|pin)[ \t]+(?P<value>\d{4,8})[ \t]+(?:donné|communiqué"
    r"|transmis|remis|given|passed\s+on|handed|read\s+out|texted|gegeben|durchgegeben|mitgeteilt"
    r"|übergeben|dado|dada|comunicado|entregado|entregue|dato|comunicato|consegnato|gegeven"
    r"|doorgegeven|overhandigd)\b"
)
# digits programmed for someone, an alarm named before: "code de contrainte ... Programmé 5850
# pour la gérante", "Impostato 6792 per il titolare", "Programmed duress as 9853 for the two key
# staff" (session 34, blind314 read)
_PROGRAMMED_FOR = guarded(
    r"(?i)\b(?:programm(?:ed|ée?|at[oa]|ad[oa]|iert)|impostat[oa]|configur(?:ed|ée?|at[oa]|ad[oa])"
    r"|ingesteld|geprogrammeerd)(?:\s+(?:duress|contrainte|antirapina|coacción|coação|it))?"
    r"(?:\s+(?:as|à|a|su|op|auf))?\s+(?P<value>\d{4,8})(?![\w.,/:-]\w)\s+(?:pour|for|per|para"
    r"|für|voor)\b"
)
# a code between commas after its word: "Sent the current shower block code, 7663#, by text",
# "Envoi par SMS du code des sanitaires, 681Y, au portable" (session 34, blind316 read)
_CODE_BETWEEN_COMMAS = guarded(
    # (what it opens over a few words: "il codice del corridoio dell'ospedale veterinario, 39090,";
    # session 34, blind321 read)
    # (or a person's, in brackets: "den Code ihres Schlüsseltresors (5634)", "de code van haar
    # sleutelkastje, 6902,"; session 35, blind329 read)
    r"(?i)\b(?:code|pin|passcode|digicode|c[óo]digo|codice)(?:\s+(?:de[sl]?|du|della?|dell['’]"
    r"|do|da|ihres|seines|van\s+(?:haar|zijn))\s*(?:(?:la|el|les|los)\s+)?[^\W\d_]{3,18}){0,3}"
    r"(?:\s+[^\W\d_]{3,15})?[ \t]*[,(][ \t]*(?P<value>(?-i:[A-Z])?\d{3,8}(?-i:[A-Z])?#?)[ \t]*[,)]"
)
_ROOM_WORD = re.compile(
    r"(?i)\w*(?:raum|room|zimmer|kamer|corridoio|corridor|pasillo|couloir|corredor|flur|gang)\b"
    r"|\b(?:sala|salle|stanza|cella)\b"
)
_ADMIN_CODE = re.compile(r"(?i)\b(?:admin|administrat\w*|supervisor|manager)\b")
_HINTS = ("now", " nu ", "jetzt", "nun", "maintenant", "désormais", "ahora", "agora", " ora",
          "nuovo", "new one", "neue", "nieuwe", "nouveau", "nuevo", "novo", "change", "geändert",
          "gewijzigd", "changé", "cambiad", "alterad", "cambiat", "a ser")  # fmt: skip


def now_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Digits after "is now" or "the new one is" in a sentence about a code, a place named."""
    if not any(hint in lowered for hint in _HINTS):
        return
    for match in (
        *_NOW_CODE.finditer(text),
        *_NEW_CODE_ASIDE.finditer(text),
        *_NEW_CODE_IS.finditer(text),
    ):
        place = max(0, match.start() - 200), match.start("value")
        if (
            PLACE_WORDS.search(text, *place)
            or _PARCEL_BOX.search(text, *place)
            or _DIGICODE.search(text, *place)
        ):
            yield match.start("value"), match.end("value"), "door_code"
        elif match.re is _NEW_CODE_IS and _CODE_CHANGED.search(text, *place):
            # "ha cambiato il codice della baracca ... Il nuovo codice è 39366" (session 34)
            yield match.start("value"), match.end("value"), "door_code"
        elif _ADMIN_CODE.search(text, match.start(), match.start("value")):
            # "The code of administrator for enter in the System Menu is now 83614"
            yield match.start("value"), match.end("value"), "pin"


# a keypad set again with a code, its letter first too: "le clavier était revenu en
# configuration usine. Reprogrammé avec le code B8187" (session 29, blind214 read)
_SET_WITH_CODE = guarded(
    r"(?i)\b(?:re-?programm\w*|programm\w*|re-?set|set\s+up|configur\w*|eingerichtet"
    r"|ingesteld)[ \t]+(?:with|avec|con|com|mit|met)[ \t]+(?:(?:the|le|el|o|il|den|dem|de)[ \t]+)?"
    r"(?:(?:new|nouveau|nuevo|novo|nuovo|neuen|nieuwe)[ \t]+)?(?:code|c[óo]digo|codice|pin)"
    r"[ \t]+(?P<value>(?-i:[A-D])?\d{4,8})(?![\w.,/:-]\w)"
)

# a code used or set at the place it opens, the code named before: "needed the engineer code to
# reprogram the zone ... engineer used 510907 at the panel"; "Her PIN had never been set in the
# user list. Set 4648 on the panel" (session 33, blind298 and blind302 read)
_USED_AT_PLACE = guarded(
    r"(?i)\b(?:used|set|entered)[ \t]+(?P<value>\d{4,8})[ \t]+(?:at|on)[ \t]+the[ \t]+"
    r"(?:alarm[ \t]+)?"
    r"(?:panel|keypad|door|gate|key[ \t]?safe|lock-?box)\b"
)

# a panel role's code for someone, then its digits: "Nuevo código de usuario para el personal
# de la asesoría 1126" (session 30, blind222 read), the alarm named before
_ROLE_CODE_FOR = guarded(
    r"(?i)\b(?:(?:code|c[óo]digo|codice|pin)[ \t]+(?:(?:de|di|du|do|da|van)[ \t]+)?"
    r"(?P<role>[^\W\d_]{4,15})|(?P<role_first>[^\W\d_]{4,15})[ \t-]?(?:code|pin))"
    r"[ \t]+(?:para|for|pour|per|für|voor)"
    r"(?:[ \t]+[^\W\d_]{1,20}(?:['’][^\W\d_]{1,15})?){1,6},?[ \t]+"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)


# a code changed to its digits, the verb after them as German and Dutch put it ("Mit dem
# Hausmeister zusammen auf 433852 umgestellt") or "p/" for "para" ("cofre de chaves ...
# alterado p/ 5663"), a safe or a door named before (session 30, blind237 and blind238 read)
_DIGITS_THEN_SET = guarded(
    r"(?i)\b(?:auf|op|naar)[ \t]+(?P<value>\d{4,8})[ \t]+(?:umgestellt|ge[äa]ndert|gesetzt"
    r"|eingestellt|gezet|gewijzigd|ingesteld|veranderd)\b"
)
# or in English, the lock named with its brand maybe: "Set the Codelocks unit to 88913 using the
# master code" (session 31, blind237 read)
_UNIT_SET_TO = guarded(
    r"(?i)\b(?:set|changed|reset|re-?programmed|programmed)[ \t]+(?:(?:the|its)[ \t]+"
    r"(?:(?-i:[A-Z])[\w-]{2,20}[ \t]+)?(?:unit|keypad|lock|key[ \t]?safe|panel|door|code)"
    # or a panel's user by number: "Set user 5 to 748967, shop zone only" (session 35, blind332)
    r"|user[ \t]+(?:code[ \t]+)?\d{1,3})[ \t]+to[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# a directional padlock's code, its moves as letters, up or down and sideways: "Opened it with
# the primary code RDUURLUR off the card in the office" (session 31, blind238 read)
_DIRECTIONS = guarded(
    r"(?i:(?<!error )(?<!fault )\bcode)\b(?:[ \t]+(?:is|was|of|:))?[ \t:]+"
    r"(?P<value>(?=[UDLR]*[UD])(?=[UDLR]*[LR])[UDLR]{4,12})\b"
)
# a panel's engineer or master mode entered with its code: "went into engineer mode with 5835
# to clear the fault log" (session 31, blind244 read), the alarm named before
_MODE_WITH = guarded(
    r"(?i)\b(?:engineer|installer|master|manager|programming|service)\s+(?:mode|menu)\s+"
    r"(?:with|using|via|by\s+entering)\s+(?:(?:the\s+)?code\s+)?(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# a PIN for a thing, then its digits: "PIN for the drive 65122921 given over the phone" (session
# 31, blind249 read)
# (in the other languages and over a few words too: "PIN per la sala del commiato 9172# dato a
# voce"; session 34, blind310 read)
_PIN_FOR_THING = guarded(
    r"(?i)\b(?:pin|passcode|pin-?code)\s+(?:for|of|on|für|pour|para|per|voor)\s+(?:the|his|her"
    r"|their|this|that|den|die|das|la|le|el|il|lo|o|a|de|het)\s+(?:[^\W\d_]{2,15}\s+){1,3}"
    r"(?:is\s+)?(?P<value>\d{4,12})(?![\w.,/:-]\w)"
)
# a code for a room, then its digits: "Code für den Kühlraum 8691# persönlich übergeben"
# (session 34, blind310 read)
_CODE_FOR_ROOM = guarded(
    r"(?i)\b(?:code|codice|código|codigo)\s+(?:for|für|pour|para|per|voor)\s+(?:the|den|die|das"
    r"|la|le|el|il|lo|o|a|de|het)\s+(?:[^\W\d_]{2,15}\s+){0,2}(?:\w*(?:raum|room|zimmer|kamer"
    r"|cel|zelle)|sala|salle|cella|câmara|cámara)\s+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# a code given to someone, then its digits: "Gave her code 872225 for the cold room 4.02"
# (session 32, blind257 read)
_GAVE_PERSON_CODE = guarded(
    r"(?i)\b(?:gave|give|given|told|texted|sent|issued)\s+(?:her|him|them|the\s+user)\s+"
    r"(?:the\s+|a\s+)?(?:new\s+)?(?:code|pin|passcode|combination)\s+(?:is\s+)?"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# a PIN assigned its digits a sentence after it was named: "PaperCut showed no PIN assigned.
# Assigned 9165 in PaperCut admin" (session 32, blind281 read)
_ASSIGNED_DIGITS = guarded(
    r"(?i)\b(?:assigned|allocated|issued)[ \t]+(?:(?:her|him|them|a[ \t]+new[ \t]+one)[ \t]+)?"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
# a code changed "a" its digits later in the sentence, the code and a gate or a door named
# before: "Il codice della tastiera del cancello ... Cambiato sul ricevitore a 46419", "Cambiado
# el código del portero automático del local ... a 242256" (session 31, blind253-254 read)
_CHANGED_TO_DIGITS = guarded(
    r"(?i)\b(?:cambiad[oa]|cambiat[oa]|alterad[oa]|mudad[oa]|modificad[oa]|modificat[oa]"
    # (or "réglé à": "un nouveau code pour la boîte à clés, réglé à 1574 sur les molettes";
    # session 32, blind271 read)
    r"|changed|modifiée?|changée?|réglée?|programmée?|remis|cambi[óò]|mudou|alterou"
    # (or reset, the code named after the verb: "serratura ... sostituita e reimpostato il codice
    # a 6164", not "Controller clock had reset to 2000"; session 33, blind292 read)
    r"|(?P<reset>reimpostat[oa]|redefinid[oa]|restablecid[oa]|réinitialisée?|reset))\b"
    r"[^.\n]{0,100}?[ \t](?:a|à|to|para|en|in)"
    r"[ \t]+"
    # (or a combination's numbers: "the combination from before ... Changed it with the
    # business manager present to 95-37-28"; session 32, blind262 read)
    r"(?P<value>\d{4,8}(?-i:[A-Z])?|\d{1,2}(?:-\d{1,2}){2,3})(?![\w.,/:-]\w)"
)
# an inverter's or a panel's installer code named before, the verb then its digits: "el código de
# instalador ... Soporte del fabricante lo cambió a 926020", "il codice installatore ... Il
# produttore lo ha reimpostato a 598400" (session 35, blind335 read)
_INSTALLER_CODE = re.compile(
    r"(?i)\b(?:(?:c[óo]digo|codice|code)\s+(?:(?:de|do|del|di|d['’])\s*)?(?:l['’]\s*)?"
    r"install?(?:ador|atore|ateur|er)\w*|install?er\s+(?:code|pin)|installat[eo]urs?code)\b"
)
# or a till's or a card terminal's supervisor code: "la clave de supervisor ... el gerente la
# cambió a 480251" (session 36, blind349 read)
_SUPERVISOR_CODE = re.compile(
    r"(?i)\b(?:(?:clave|c[óo]digo|codice|code|pin|contrase[ñn]a|senha|password|passwort|kennwort"
    r"|wachtwoord)\s+(?:(?:de|del|di|du|do|da|dell['’])\s*)?(?:supervisor\w*|superviseur|gerente"
    r"|manager|administrador|encargad[oa]|responsable|responsabile)|(?:supervisor|manager)\s+"
    r"(?:code|pin|password))\b"
)
_NAMED_ROLE_CODES = (_INSTALLER_CODE, _SUPERVISOR_CODE)
_COMBINATION_WORD = re.compile(
    r"(?i)\b(?:combination|combinaison|combinación|combinazione|combinação|combinatie"
    r"|kombination)\b"
)
_DATE_WORD = re.compile(r"(?i)\b(?:date|datum|fecha|data|day|dated)\b")
_CODE_WORD = re.compile(r"(?i)\b(?:code|codes|c[óo]digo|codice|pin|digicode|pincode)\b")
_ENTRY_PHONE = re.compile(
    r"(?i)\b(?:portero|videoportero|interfono|citofono|intercom|interphone|parlophone"
    r"|gegensprechanlage|deurtelefoon|intercomunicador"
    # a video entry phone, a door's keypad: "Il videocitofono ... Cambiato il codice installatore
    # in 881477", "le digicode de l'entrée B ... remis le code à 5149A" (session 35, blind329)
    r"|videocitofono|visiophone|video-?intercom|videofoon|digicode)\b"
)
_CHANGED_FOR = guarded(
    r"(?i)\b(?:alterad[oa]|mudad[oa]|cambiad[oa])[ \t]+p/[ \t]*(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)


# digits a chat's message tells someone to use: "[06:00] Marloes Jansen (facilitair): gebruik
# even 2080 en dan de V-toets", "[19:07] Miriam Engel (IT): nimm heute 892286" (session 29,
# blind219 read), an alarm or a door named in the lines before
_CHAT_USE_DIGITS = guarded(
    r"(?im)^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\][^:\n]{1,60}:[^\n]{0,30}?\b(?:use|try|gebruik"
    r"|probeer|nimm|nehmen\s+sie|versuch\w*|usa|usad|utilise[sz]?|prova|tenta)"
    r"(?:[ \t]+[^\W\d_]{2,10}){0,2}[ \t]+(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)


_SET_LAST_HINTS = ("gestellt", "ndert", "gesetzt", "gezet", "gewijzigd", "ingesteld", "veranderd")
_SET_HINTS = ("set", "chang", "programm")


def _has(lowered: str, hints: tuple[str, ...]) -> bool:
    return any(hint in lowered for hint in hints)


def given_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A code's digits handed over ("code 8164 donné"), a keypad set again or "to" them, a
    panel's mode entered with them, a code changed "a" them, or told to use in a chat, a door or
    an alarm named before; a PIN "for the" thing it opens, set "op" its digits, or "assigned"
    them after it was named; a code given to someone ("gave her code 872225")."""
    chat = _CHAT_USE_DIGITS.finditer(text) if "]" in text else ()
    # each reading runs only where the words it needs stand (session 32: a cheaper pass)
    coded = "cod" in lowered or "cód" in lowered or "pin" in lowered
    role = (
        (
            match
            for match in _ROLE_CODE_FOR.finditer(text)
            if PANEL_ROLE.fullmatch(match.group("role") or match.group("role_first"))
        )
        if coded
        else ()
    )
    changed = (
        *(_DIGITS_THEN_SET.finditer(text) if _has(lowered, _SET_LAST_HINTS) else ()),
        *(_CHANGED_FOR.finditer(text) if "p/" in lowered else ()),
        *(_UNIT_SET_TO.finditer(text) if _has(lowered, _SET_HINTS) else ()),
        *(_DIRECTIONS.finditer(text) if coded else ()),
        *(_MODE_WITH.finditer(text) if "mode" in lowered or "menu" in lowered else ()),
        *(_PIN_FOR_THING.finditer(text) if coded else ()),
        *(_CODE_FOR_ROOM.finditer(text) if coded else ()),
        *(_GAVE_PERSON_CODE.finditer(text) if coded or "combination" in lowered else ()),
        *(_ASSIGNED_DIGITS.finditer(text) if "pin" in lowered else ()),
    )
    if coded:
        given = (
            *_GIVEN_CODE.finditer(text),
            *_SET_WITH_CODE.finditer(text),
            *_USED_AT_PLACE.finditer(text),
            *_CODE_BETWEEN_COMMAS.finditer(text),
        )
    else:
        given = ()
    if "program" in lowered or "impostat" in lowered or "configur" in lowered:
        given = (*given, *_PROGRAMMED_FOR.finditer(text))
    for match in (
        *given,
        *chat,
        *role,
        *changed,
    ):
        roomed = match.re is _CODE_BETWEEN_COMMAS and _ROOM_WORD.search(match.group(0))
        if (
            match.re is _CODE_FOR_ROOM
            or roomed
            or PLACE_WORDS.search(text, max(0, match.start() - 200), match.start("value"))
        ):
            yield match.start("value"), match.end("value"), "door_code"
        elif (
            match.re in (_PIN_FOR_THING, _GAVE_PERSON_CODE)
            or (
                match.re in (_ASSIGNED_DIGITS, _USED_AT_PLACE)
                and _PIN_NAMED_BEFORE.search(text, max(0, match.start() - 120), match.start())
            )
            or (
                match.re is _DIGITS_THEN_SET
                and _PIN_OR_CODE_BEFORE.search(text, max(0, match.start() - 60), match.start())
            )
        ):
            # a PIN's, no door named: "PIN for the drive 65122921", "de voicemailpincode
            # tijdelijk op 9192 gezet" (session 31, blind247 and blind249 read)
            yield match.start("value"), match.end("value"), "pin"
    if not coded and "combin" not in lowered and "kombin" not in lowered and "clave" not in lowered:
        return
    for match in _CHANGED_TO_DIGITS.finditer(text):
        before = max(0, match.start() - 200)
        if "-" in match.group("value"):
            named = _COMBINATION_WORD.search(text, before, match.start("value"))
            if _DATE_WORD.search(match.group(0)):
                continue  # "Changed the battery date on the label to 12-05-24"
        else:
            named = _CODE_WORD.search(
                text, match.start("reset") if match.group("reset") else before, match.start("value")
            )
        if named and (
            PLACE_WORDS.search(text, before, match.start("value"))
            or _ENTRY_PHONE.search(text, before, match.start("value"))
        ):
            yield match.start("value"), match.end("value"), "door_code"
        elif any(code.search(text, before, match.start("value")) for code in _NAMED_ROLE_CODES):
            yield match.start("value"), match.end("value"), "pin"


# a PIN's words, the one list this module's PIN readings share
_PIN_WORDS = r"pin|passcode|pin-?code"
_PIN_NAMED_BEFORE = re.compile(rf"(?i)\b(?:{_PIN_WORDS})\b")
# a PIN's word or the word code alone: "de voicemailpincode tijdelijk op 9192 gezet", "der Code
# wurde bei der Gelegenheit auf 651894 geändert" (session 35, blind331 read)
_PIN_OR_CODE_BEFORE = re.compile(rf"(?i)(?:\w*(?:{_PIN_WORDS})|\bcode)\b[^.\n;]{{0,40}}$")
_SENT_CODE = guarded(
    r"(?i)\b(?:sent|gave|read\s+(?:out|back)|typed(?:\s+in)?|replied\s+with|forwarded"
    r"|envió|enviou|a\s+envoyé|stuurde|ha\s+inviato|schickte)[ \t]+(?:them|it|him|her|back)?"
    r"[ \t]*(?:the\s+code[ \t]+)?(?P<value>\d{6}|\d{3}[ -]\d{3})(?![\w.,/:-]\w)"
    # the code that arrived, in a chat: "arrivato!! è 604218", "got it, it's 604 218"
    r"|\b(?:arrived|came\s+through|got\s+it|arrivato|arrivé|llegó|chegou|angekommen"
    # "j'ai reçu 731 904 mais il dit code expiré" (session 18)
    r"|binnen|reçu|received|recibí|recebi|ricevuto|erhalten|ontvangen)\W{0,6}"
    r"(?:(?:it's|its|it\s+is|è|est|es|é|ist|is)[ \t]+)?"
    r"(?P<arrived>\d{6}|\d{3}[ -]\d{3})(?![\w.,/:-]\w)"
)
# "I'm typing 90517 which is what I set up": the digits typed where a PIN is named
_TYPED_CODE = guarded(
    r"(?i)\b(?:typing|entering|keying\s+in|punching\s+in)[ \t]+(?:in[ \t]+)?"
    r"(?P<value>\d{4,8})(?![\w.,/:-]\w)"
)
_PIN_NAMED = re.compile(rf"(?i)\b(?:{_PIN_WORDS}|voicemail)\b")
_CODE_ASKED = re.compile(
    r"(?i)\b(?:code|otp|passcode|c[óo]digo|codice)\b[^.\n]{0,40}\b(?:by\s+(?:text|sms)|via"
    r"\s+(?:text|sms)|text(?:ed)?|sms|authenticator|app)\b|\b(?:verification|one-time|mfa|2fa"
    r"|sms)\s+code|\bsms\b"
    # "il me demande un numéro pour envoyer le code" (session 18)
    r"|\b(?:send|envoyer|enviar|inviare|senden|sturen)\s+(?:\w+\s+)?(?:code|código|codice)\b"
)


def sent_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Six digits sent, read out or arrived after a code by text or app was asked for; the
    digits someone types where a PIN is named."""
    if "code" in lowered or "otp" in lowered or "digo" in lowered or "sms" in lowered:
        for match in _SENT_CODE.finditer(text):
            if _CODE_ASKED.search(text, max(0, match.start() - 200), match.start()):
                group = "value" if match.group("value") else "arrived"
                yield match.start(group), match.end(group), "mfa_code"
    if "pin" in lowered or "passcode" in lowered or "voicemail" in lowered:
        for match in _TYPED_CODE.finditer(text):
            if _PIN_NAMED.search(text, max(0, match.start() - 200), match.start()):
                yield match.start("value"), match.end("value"), "pin"


# A door code named, then given after a colon that ends the next clause (sentence): the
# words before the colon name no reference, time, error or number of something else (and
# not the code itself: "door code: 1234" is the keyword rules' to read).
_COLON_CODE = re.compile(r":[ \t]*(?P<value>(?-i:[A-Z])?\d{3,8}(?-i:[A-Z])?)#?(?=[.,;]?(?:\s|$))")
_CODE_NAMED = re.compile(
    r"(?i)\b(?:digicode|code|codes|código|codice|pin|combinati[eo]n?|combinaison|\w+code)\b"
)
_OTHER_BEFORE_COLON = guarded(
    r"(?i)\b(?:ticket|ref\w*|case|order|incident|tel\w*|phone|ext\w*|room|floor|serial|at"
    r"|time|hours?|um|à|a\s+las|alle|om|unit|id|nr|no|number|n[º°o]|erreur|error|errors|fehler"
    r"|errore|erro|fout|fault|event|code|c[óo]digo|codice)\.?\W*$"
    # a fob's or a badge's numbers: "Fob numbers deactivated: 004412, ..." (session 30, blind228)
    r"|\b(?:fob|badge|tag|transponder)s?\b[^:\n]{0,30}$"
)


# A camera's verification code, six capitals, after a colon in the sentence that names it:
# "The verification code sticker under the camera had been painted over, so read it off the NVR
# menu instead: HEEBJF" (session 31, blind244 read); a camera or a recorder named in the note
_CAMERA_CODE = guarded(
    r"(?i)\b(?:verification|verifizierungs|verificatie|v[ée]rification|verificaci[óo]n"
    r"|verifica(?:ção|zione)?)[\s-]?(?:code|c[óo]digo|codice)\b[^.\n]{0,100}?:[ \t]*"
    r"(?P<value>(?-i:[A-Z]{6}))(?![\w-])"
)
_CAMERA_WORDS = ("camera", "nvr", "dvr", "hik", "ezviz", "kamera", "caméra", "cámara", "câmera")


def colon_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A code after a colon, a door or alarm code named up to 250 characters before; a camera's
    verification code after a colon in its sentence."""
    if ":" not in text:
        return
    if "rifi" in lowered and any(word in lowered for word in _CAMERA_WORDS):
        for match in _CAMERA_CODE.finditer(text):
            yield match.start("value"), match.end("value"), "secret"
    for match in _COLON_CODE.finditer(text):
        value = match.group("value")
        if sum(ch.isdigit() for ch in value) < 4 and not value[0].isalpha():
            continue
        before = text[max(0, match.start() - 250) : match.start()]
        if _OTHER_BEFORE_COLON.search(before[-25:]) or not _CODE_NAMED.search(before):
            continue
        # a door's code by its name: "le digicode du local technique ... Donné par le chef
        # d'équipe de nuit : C0361" (session 32, blind258 read)
        if PLACE_WORDS.search(before) or "digicode" in before.lower():
            yield match.start("value"), match.end("value"), "door_code"


# A code given between commas a clause after its word: "Got the current code from the site
# manager, 0688, and put it in ...", "se dio de alta el nuevo, 4517 (seguido de #)" (session 19)
_COMMA_CODE = re.compile(
    r"(?i)\b(?:code|codes|código|codice|pin|passcode|combinati[eo]n?|combinaison|\w+code)\b"
    r"[^.;:\n\d]{0,60}?,[ \t]*(?P<value>\d{4,8})(?=[ \t]*[,(])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NO_SECRET_CODE = guarded(  # "Error code on the gate controller ..., 4012, cleared"
    r"(?i)\b(?:error|fault|status|exit|return|response|reason|event|fehler|erreur|errore|erro"
    r"|fout|post|zip|area|product|promo|discount|tax|sort)[\s-]*$"
)
_SECRET_CODE_NAMED = re.compile(rf"(?i)\b(?:{_PIN_WORDS}|combinati[eo]n?)\b")


def comma_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A code between commas after its clause, a door named or a PIN up to 250 characters
    before."""
    if ", " not in text:
        return
    for match in _COMMA_CODE.finditer(text):
        value = match.group("value")
        before = text[max(0, match.start() - 250) : match.start("value")]
        if _YEAR.fullmatch(value) or _OTHER_BEFORE_COLON.search(before.rstrip(", \t")[-25:]):
            continue
        if _NO_SECRET_CODE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if PLACE_WORDS.search(before):
            yield match.start("value"), match.end("value"), "door_code"
        elif _SECRET_CODE_NAMED.search(before):
            yield match.start("value"), match.end("value"), "pin"


_BACKUP_PAIR = guarded(r"(?i)\bcode\b[^.\n:]{0,60}:[ \t]*(?P<value>\d{4} \d{4})(?![\w.,/:-]\w)")
_BACKUP_NAMED = re.compile(
    r"(?i)backup|back-up|recovery|herstel|wiederherstellung|récupération|recuperaci[óo]n"
    r"|recupero|recuperação|2sv|2fa|2-step|verificati"
)
_SEED_AFTER_MANUAL = guarded(
    r"(?i)(?:can'?t\s+scan|cannot\s+scan|enter\s+(?:this|the)\s+code|manual(?:ly)?\s+(?:entry"
    r"|key|code)|setup\s+code"
    # "it showed me a code to type in instead of the QR: KRAQ UPE7 ..." (session 18)
    r"|instead\s+of\s+(?:the\s+|a\s+)?qr)[^\n]{0,60}?"
    r"(?P<value>(?-i:[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,12}))(?![\w-])"
)


# A TOTP seed in base32 after "secret" or "seed", an MFA word up to 200 characters before: "Set up
# TOTP with the team: secret REEYSAVTM2I2FVUP4BJVXFLQG2MHJIV3 added to the vault" (session 20)
# (or a few words on, after a colon: "il nuovo segreto in chiaro durante la configurazione:
# 2TWYONXB3Q5B4JIQ..."; the second factor named in words; session 30, blind230 read)
_NAMED_SEED = guarded(
    r"(?i)\b(?:secret|seed|geheimnis|secreto|segredo|segreto|geheim)\b(?:[^\n.:]{0,60}:)?[ \t]*"
    # (or its kind after it and a comma: "il nuovo segreto TOTP, O34LSIH2..."; session 31)
    r"(?:(?:totp|mfa|2fa|otp)[ \t]*,[ \t]*)?"
    r"[:=]?[ \t]*(?P<value>(?-i:[A-Z2-7]{16,64}))(?![\w-])"
)
_MFA_NAMED = re.compile(
    r"(?i)\b(?:totp|mfa|2fa|authenticator|two[\s-]factor|otp|second\s+factor|secondo\s+fattore"
    r"|zweite[rn]?\s+faktor|segundo\s+factor|second\s+facteur|tweede\s+factor)\b"
)


def manual_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A backup code of two groups after a colon, backup codes named; a TOTP seed typed in
    groups where a manual setup is asked for."""
    if "code" in lowered:
        for match in _BACKUP_PAIR.finditer(text):
            if _BACKUP_NAMED.search(text, max(0, match.start() - 250), match.start()):
                yield match.start("value"), match.end("value"), "recovery_code"
    mfa = any(
        word in lowered
        for word in ("totp", "mfa", "2fa", "authenticator", "factor", "otp", "fattore", "faktor")
    )
    for match in _NAMED_SEED.finditer(text) if mfa else ():
        if _MFA_NAMED.search(text, max(0, match.start() - 200), match.start("value")):
            yield match.start("value"), match.end("value"), "mfa_seed"
    if any(word in lowered for word in ("scan", "enter th", "manual", "setup code", "of the qr")):
        for match in _SEED_AFTER_MANUAL.finditer(text):
            yield match.start("value"), match.end("value"), "mfa_seed"


# A safe's or a lock's combination, its turns said: "left to thirty two, right to seventeen,
# left to eight" (session 25, blind153 read); three turns at least, each with its number
_TURN = (
    r"(?:left|right|links|rechts|gauche|droite|izquierda|derecha|esquerda|direita|sinistra"
    r"|destra)"
)
_TURN_NUMBER = (
    r"(?:\d{1,3}|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -]?)?(?:one|two"
    r"|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh"
    r"|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|zero)"
)
_TURNS = re.compile(
    rf"(?i)\b{_TURN}[ \t]+(?:to[ \t]+|auf[ \t]+|à[ \t]+|a[ \t]+|naar[ \t]+)?{_TURN_NUMBER}"
    rf"(?:[ \t]*[,;]?[ \t]+(?:then[ \t]+|dann[ \t]+|puis[ \t]+)?{_TURN}[ \t]+(?:to[ \t]+"
    rf"|auf[ \t]+|à[ \t]+|a[ \t]+|naar[ \t]+)?{_TURN_NUMBER}){{2,}}\b"
)


def combination_hits(text: str, lowered: str) -> Iterator[Hit]:
    """A combination's turns and numbers: three turns at least."""
    if any(
        word in lowered for word in ("left", "links", "gauche", "izquierda", "esquerda", "sinistra")
    ):
        for match in _TURNS.finditer(text):
            yield match.start(), match.end(), "door_code"


def sentence_code_hits(text: str, lowered: str) -> Iterator[Hit]:
    """Every code this module reads (one entry in the secret detectors' list)."""
    yield from now_code_hits(text, lowered)
    yield from given_code_hits(text, lowered)
    yield from sent_code_hits(text, lowered)
    yield from colon_code_hits(text, lowered)
    yield from comma_code_hits(text, lowered)
    yield from manual_code_hits(text, lowered)
    yield from clause_value_hits(text, lowered)  # passwords and PINs too (session 20)
    yield from activation_code_hits(text, lowered)  # (session 30)
    yield from combination_hits(text, lowered)
