"""The keyword rules of codes: voicemail PINs, door, gate and alarm codes, one-time, MFA and
bypass codes, backup and recovery codes, in the seven languages.

Data only, the first part of :data:`kbassist.hygiene.secret_rules.SECRET_RULES` (moved here in
session 16, when the table reached the module-length limit; the order is unchanged).
"""

from __future__ import annotations

from kbassist.hygiene.keyword_scan import KeywordRule

CODE_RULES: tuple[KeywordRule, ...] = (
    KeywordRule(
        "voicemail_pin",
        r"(?:voice-?mail|voice\s+mail|vm|mailbox|sprachbox|anrufbeantworter|buzón(?:\s+de\s+voz)?"
        r"|messagerie(?:\s+vocale)?|correio\s+de\s+voz|segreteria(?:\s+telefonica)?)"
        r"[\s-]?(?:pin|passcode|password|code|passwort|kennwort|contraseña|clave|mot\s+de\s+passe"
        r"|code\s+secret|wachtwoord|senha|codice)"
        # "Code messagerie vocale réinitialisé à 7351": the code named before the mailbox
        # (and whose: "Le code de votre messagerie vocale a été réinitialisé à 3823"; session 34,
        # blind308 read)
        r"|(?:code|pin|c[óo]digo|codice)\s+(?:de\s+(?:la\s+|votre\s+|sa\s+|ta\s+|son\s+|mon\s+"
        r"|su\s+|tu\s+)?|della\s+(?:sua\s+|tua\s+)?|do\s+(?:seu\s+|teu\s+)?|da\s+(?:sua\s+)?)?"
        r"(?:messagerie(?:\s+vocale)?|buzón(?:\s+de\s+voz)?|segreteria(?:\s+telefonica)?"
        r"|correio\s+de\s+voz|voicemail|voice\s?mail)",
        "digits",
        (
            "voicemail",
            "voice mail",
            "voice-mail",
            "vm ",
            "vm-",
            "vm:",
            "mailbox",
            "sprachbox",
            "buzón",
            "messagerie",
            "correio de voz",
            "segreteria",
            "anrufbeantworter",
        ),
    ),
    KeywordRule(
        "door_code",
        r"(?:(?:front|back|main|side|rear|office|server\s+room|comms\s+room)\s+)?"
        r"(?:door|gate|alarm|keypad|entry|entrance|building|lock-?box|key\s?safe|key\s?box"
        r"|padlock|cabinet|garage|access|burglar\s+alarm|intruder\s+alarm|safe|vault)"
        r"[\s-]?(?:(?:access|panel|system|pad|box|lock|entry|engineer|installer|master|user"
        r"|admin|service|set/unset|arm/disarm|set|unset|arm|disarm|remote)\s+)?"
        r"(?:code|cde|pin|combo|combination)s?"
        # "cde 2739": a code's short form in a hasty note (session 17)
        r"|cde"
        r"|alarm\s+(?:set/unset|arm/disarm|unset/set|disarm|unset)"  # "alarm unset 0528"
        # an alarm panel's own codes, named without the alarm (session 6)
        r"|(?:engineer|installer|master|duress|arming|unset|disarm)\s+(?:code|pin)s?"
        r"|override\s+codes?"  # a till's "override PIN" is a PIN (session 12)
        # the code an alarm gives its cleaners: "de schoonmakerscode is 2576 gevolgd door UIT"
        # (session 28, blind195 read)
        r"|(?:cleaners?['’]?|keyholders?['’]?)\s+(?:alarm\s+)?codes?|schoonmakers-?codes?"
        r"|reinigungs-?codes?|putz(?:kraft|frau)?-?codes?"
        r"|codice\s+master"
        r"|c[óo]digo\s+(?:maestro|mestre)|code\s+ma[îi]tre|errichtercode|mastercode"
        r"|installateurscode"
        # a combination lock and an alarm engineer's code in German and Dutch: "Zahlenschloss am
        # Käfig ist jetzt 7108", "mit dem Technikercode 1683" (session 29, blind211 read)
        r"|zahlenschloss|nummernschloss|cijferslot|techniker-?code"
        r"|(?:the\s+)?combination|combo|key\s?safe|lock-?box|padlock|combination\s+lock"
        # "Kombination 540929 eingegeben, Tresor offen" (session 18)
        r"|kombination|combinaison|combinación|combinazione|combinatie|combinação"
        # "Nouveau code communiqué pour notre prochaine intervention : 4B719" (session 12)
        r"|(?:nouveau\s+code|neuer\s+code|nieuwe\s+code|nuevo\s+c[óo]digo|novo\s+c[óo]digo"
        r"|c[óo]d(?:igo|\.)?\s+nov[oa]"  # "cód novo 1837" (session 36, blind356 read)
        # or before the digits themselves: "neuer Code 73025, der alte geht nicht mehr" (session 17)
        # (or set "to" them: "il nuovo codice per i proprietari a 34705"; session 37, blind376)
        r"|nuovo\s+codice)(?=[^.:\n]{0,60}:|\s+\d{4,8}\b"
        r"|[^.:\n]{0,40}?\s(?:a|à|to|auf|op|para|em)\s+\d{4,8}\b)"
        r"(?!\s+(?:de\s+|d'|do\s+|di\s+|del\s+)?(?:client"
        r"|produ|artic|artíc|postal|erreur|error|erro|fehler|klant|kunden|artikel))"
        # "the keypad is 2580#", "keypad (*4418#)" (session 12)
        r"|keypad(?=\s+is\s+[*#]?\d|\s*\(\s*[*#]?\d|\s*:\s*[*#]?\d)"
        # a gate named with a colon and its digits: "Portão das traseiras: 0685", "back gate:
        # 4417#" (session 26, blind165 read)
        r"|(?:(?:back|front|main|side|rear|yard|car\s+park)\s+gate|port[ãa]o(?:\s+(?:d[aoe]s?\s+)?\w+)?"
        r"|portail|cancello|verja|hoftor)(?=\s*:\s*[*#]?\d{3,8}\b)"
        r"|tür-?codes?|tor-?code|alarm-?codes?|zugangs-?codes?|schlüsseltresor(?:-?code)?|digicodes?"
        # a digital locker lock's: "comms cab digilock now 32616" (session 27, blind187 read)
        r"|digi-?lock"
        # a car radio's security code: "Il codice autoradio è 4026", "Der Radiocode ist 4026"
        # (session 36, blind346 read)
        r"|(?:car\s+)?radio[\s-]?(?:security\s+)?codes?|autoradio-?codes?"
        r"|(?:codic[ei]|c[óo]digo|code)\s+(?:de\s+l['’]\s*|dell['’]\s*|de\s+la\s+|do\s+|da\s+)?(?:auto)?r[áa]dio"
        # "Le code de la boîte à clés ... a été changé pour 6284" (session 17)
        r"|codes?\s+de\s+la\s+bo[îi]te\s+à\s+clés?"
        r"|codes?\s+(?:de\s+(?:la\s+)?porte|porte|d'accès|(?:de\s+l'|d')?alarme|d'entrée"
        r"|(?:du\s+)?(?:portail|coffre(?:-fort)?|garage|local))"  # "code du portail 1984B"
        # (or its keypad's: "cambiado código teclado puerta estudio -> C1953"; session 29)
        r"|(?:códigos?|cod\.?|claves?)\s+(?:de\s+|do\s+|da\s+)?(?:la\s+)?(?:puerta|alarma|acceso|acesso|portón"
        r"|entrada|porta|alarme|cofre|caja\s+fuerte|teclado)(?:\s+(?:ao|al|a\s+la|à|do|da|de\s+la)"
        r"\s+(?:alarme|alarma|porta|puerta|edifício|edificio|prédio))?"
        r"|deur-?codes?|toegangs-?codes?|kluis-?codes?|hek-?codes?|poort-?codes?|tresor-?codes?"
        # "cambiato il codice di disinserimento in 90417" (session 17)
        r"|codic[ei]\s+di\s+disinserimento"
        r"|codic[ei]\s+(?:della\s+|dell'|del\s+)?(?:porta|allarme|cancello|cassaforte"
        r"|lucchetto|portone|antifurto"  # "codice dell'antifurto ... 3036" (session 26)
        # "codice del tastierino della stanza colture 24564" (session 32, blind257 read)
        r"|tastierino)"
        # "the code for the gate", "PIN to the side door": the place named after the code.
        # (a keypad's code too: "Der Tastencode für die Tür lautet 579920"; session 33)
        r"|(?:(?:tasten-?)?code|pin|combo|combination)s?\s+(?:for|to|of|on|at|für|pour|voor|per"
        r"|para|de|do|da)"
        r"\s+(?:(?:the|die|den|das|la|le|el|het|de|a|o|il|l')\s*)?(?:[\w-]{1,20}\s+)?"
        r"(?:door|gate|alarm|keypad|entrance|key\s?safe|key\s?box|lock-?box|padlock|safe|cabinet"
        r"|garage|shutter|[\w-]{0,20}tür|tor|porte|puerta|porta|deur|poort|alarme|alarma|allarme"
        r"|cancello|portón|portão)s?",
        "door",
        (
            "door",
            "gate",
            "engineer",
            "installer",
            "master",
            "duress",
            "arming",
            "unset",
            "disarm",
            "override",
            "maestro",
            "mestre",
            "maître",
            "maitre",
            "errichter",
            "zahlenschloss",
            "nummernschloss",
            "cijferslot",
            "techniker",
            "installateur",
            "alarm",
            "keypad",
            "cleaner",
            "keyholder",
            "schoonmakers",
            "reinigungs",
            "putz",
            "nouveau code",
            "neuer code",
            "nieuwe code",
            "nuevo c",
            "novo c",
            "d novo",
            "d nova",
            "d. novo",
            "digo novo",
            "nuovo codice",
            "entry",
            "entrance",
            "building",
            "lockbox",
            "lock-box",
            "key safe",
            "keysafe",
            "key box",
            "keybox",
            "padlock",
            "cabinet",
            "garage",
            "access code",
            "access pin",
            "safe",
            "vault",
            "combination",
            "combo",
            "kombination",
            "combinaison",
            "combinación",
            "combinazione",
            "combinatie",
            "combinação",
            "tür",
            "torcode",
            "tor-code",
            "zugangs",
            "schlüsseltresor",
            "digicode",
            "digilock",
            "radio",
            "digi-lock",
            "cde",
            "boîte à clé",
            "boite à clé",
            "disinserimento",
            "porte",
            "puerta",
            "portón",
            "porta",
            "deur",
            "toegang",
            "kluiscode",
            "kluis-code",
            "hekcode",
            "hek-code",
            "poortcode",
            "poort-code",
            "tresorcode",
            "tresor-code",
            "cancello",
            "allarme",
            "antifurto",
            "tastierino",
            "alarma",
            "acceso",
            "entrada",
            "entrée",
            "d'accès",
            "código",
            "códigos",
            "portão",
            "portao",
            "portail",
            "verja",
            "hoftor",
        ),
    ),
    KeywordRule(
        "wifi_voucher",
        r"(?:guest\s+(?:wi-?fi\s+|wireless\s+|network\s+)?)?vouchers?(?:\s+codes?)?"
        r"|guest\s+(?:wi-?fi\s+|wireless\s+)?(?:codes?|pass(?:es)?|tickets?)"
        r"|hotspot\s+(?:codes?|tickets?)|wi-?fi\s+(?:access\s+)?codes?"
        r"|gast(?:zugangs?|wlan)-?codes?|gutschein-?codes?|códigos?\s+(?:de\s+)?(?:invitado|wi-?fi)"
        r"|codes?\s+(?:wi-?fi\s+)?invités?"
        # "3 bons Wi-Fi invités", "bons d'accès invité" (session 7)
        r"|bons?\s+(?:wi-?fi\s+)?(?:invités?|d'accès(?:\s+invités?)?)"
        # "Para probar generé un vale, 7319-4462" (session 18)
        r"|(?:un|el|los|cada|otro)\s+vales?"
        # "creé un bono en la red de invitados ... del UniFi: 53423-57802" (session 24)
        r"|(?:un|el|los|cada|otro)\s+bonos?",
        "codes",
        (
            "voucher",
            " vale",
            " bono",
            "guest",
            "hotspot",
            "wifi code",
            "wi-fi code",
            "wifi access",
            "wi-fi access",
            "gast",
            "gutschein",
            "invitado",
            "invité",
            "bons ",
        ),
    ),
    KeywordRule(
        "mfa_code",
        # the user named between: "bypass for t.morgan 987694049" (session 27, blind182 read)
        r"bypass(?:[\s-]?codes?)?\s+(?:for|für|pour|para|voor|per)\s+[\w.@\\-]{2,40}"
        r"|(?:mfa|2fa|2-fa|two[\s-]factor|otp|totp|one[\s-]time|verification|authenticator|sms|text"
        r"|sign[\s-]?in|login|duo(?:\s+mobile)?(?:\s+bypass)?|bypass|security|verify|okta)"
        r"[\s-]?(?:codes?|pins?|pass-?codes?|tokens?)"
        r"|otp|duo\s+passcodes?|(?:bestätigungs|sicherheits|einmal|verifizierungs|anmelde)-?codes?"
        r"|c[óo]digos?\s+de\s+(?:verifica(?:ci[óo]n|ção)|seguridad|un\s+solo\s+uso|segurança|acceso|operaci[óo]n"
        # a bank's activation code: "o código de ativação 22184792" (session 27, blind182 read)
        r"|ativa[çc][ãa]o|activaci[óo]n)|activation\s+codes?|aktivierungs-?codes?|activeringscodes?"
        r"|codes?\s+d'activation|codic[ei]\s+di\s+attivazione"
        r"|codes?\s+(?:de\s+(?:vérification|sécurité|connexion)|à\s+usage\s+unique)"
        r"|(?:verificatie|beveiligings)-?codes?|eenmalige\s+codes?"
        r"|codic[ei]\s+(?:di\s+)?(?:verifica|sicurezza|otp)"
        r"|bypass"
        # "Code de contournement Duo généré : 460834218" (session 25, blind158 read)
        # ("code de contournement MFA 425487232"; session 33, blind303 read)
        r"|codes?\s+de\s+contournement(?:\s+(?:mfa|duo|2fa))?|c[óo]digos?\s+de\s+(?:omisi[óo]n|desv[íi]o)"
        r"|umgehungs-?codes?|omzeilcodes?"
        # "Code that came by text was 604 917" (session 12)
        r"|codes?\s+(?:that|which)\s+(?:came|arrived|was\s+sent)\s+(?:by|via|in\s+an?)\s+"
        r"(?:text|sms|e-?mail)",
        "mfa",
        (
            "came by",
            "came via",
            "arrived by",
            "arrived via",
            "sent by text",
            "sent by sms",
            "sent via",
            "mfa",
            "2fa",
            "2-fa",
            "factor",
            "otp",
            "one-time",
            "one time",
            "verification",
            "authenticator",
            "sms",
            "text code",
            "sign-in",
            "signin",
            "sign in",
            "login",
            "duo",
            "bypass",
            "contournement",
            "umgehung",
            "omzeilcode",
            "código de omisi",
            "código de desv",
            "codigo de omisi",
            "codigo de desv",
            "security code",
            "security pin",
            "verify",
            "okta",
            "bestätigung",
            "sicherheitscode",
            "sicherheits-code",
            "einmal",
            "verifizierung",
            "anmeldecode",
            "verificación",
            "operaci",
            "seguridad",
            "solo uso",
            "verificação",
            "segurança",
            "vérification",
            "sécurité",
            "connexion",
            "usage unique",
            "verificatie",
            "beveiligings",
            "eenmalige",
            "verifica",
            "sicurezza",
            "código de acceso",
            "codice otp",
            *("ativa", "activaci", "activation", "aktivierungs", "activerings", "attivazione"),
        ),
    ),
    KeywordRule(
        "recovery_code",
        r"(?:backup|recovery|rescue|emergency|scratch|2fa\s+recovery|mfa\s+recovery)[\s-]?"
        r"(?:codes?|keys?|phrases?)"
        r"|wiederherstellungs-?(?:codes?|schlüssel)|notfall-?codes?|códigos?\s+de\s+(?:recuperación"
        r"|respaldo|recuperação|backup)|codes?\s+de\s+(?:récupération|secours)"
        r"|clés?\s+de\s+récupération|herstel-?(?:codes?|sleutels?)|back-?up-?codes"
        r"|codici\s+di\s+(?:backup|recupero)|chiave\s+di\s+ripristino|chaves?\s+de\s+recuperação",
        "codes",
        (
            "backup code",
            "backup-code",
            "backupcode",
            "backup key",
            "backup phrase",
            "recovery",
            "rescue",
            "emergency",
            "scratch",
            "wiederherstellung",
            "notfall",
            "recuperación",
            "respaldo",
            "recuperação",
            "récupération",
            "secours",
            "herstel",
            "back-up-code",
            "codici di backup",
            "ripristino",
            "recupero",
            "códigos de backup",
            "código de backup",
        ),
    ),
)
