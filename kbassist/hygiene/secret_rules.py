"""The secret keyword table: which words announce which kind of secret, in seven languages.
The codes' rules (voicemail PINs, door and alarm codes, one-time and recovery codes) are in
:mod:`kbassist.hygiene.code_rules` and come first, in the order they always had.

Data only. Each rule names its kind, the keywords (a regex alternation, matched
case-insensitively on word boundaries), the value policy that judges the word
after it (in :mod:`kbassist.hygiene.secret_keywords`), lower-case hints of which
one must occur before the regex is worth running, and the keywords that are also
everyday words ("pass", "token", "secret").
"""

from __future__ import annotations

from kbassist.hygiene.app_passwords import APP_PASSWORD_WORDS
from kbassist.hygiene.code_rules import CODE_RULES
from kbassist.hygiene.hint_index import HintIndex
from kbassist.hygiene.keyword_scan import KeywordRule

# --- keyword rules -------------------------------------------------------------------------

_PASSWORD_WORDS = (
    # "new pass" is a password even where "pass" alone is an everyday word ("pass to L2").
    # (not a drive's letter: "Test mit Laufwerk P: erfolgreich"; session 28)
    r"(?<!laufwerk )(?<!drive )(?<!lecteur )(?<!unidad )(?<!schijf )(?<!unità )p(?=[ \t]?:)"
    r"|(?:new|temp|temporary|initial|old)\s+pass(?:es)?"
    # "tijdelijk ww Gouda-Zomer-19": the Dutch "ww" is no everyday word after these (session 11)
    r"|(?:tijdelijke?|nieuwe?|oude?|initieel|init|eenmalig)\s+ww"
    # shorthand: "init ww marble2028", "contr. inicial zephyr9322" (session 36, blind356 read)
    r"|contr\.\s+(?:inicial|temporal|provisional|nueva)"
    # an app password, in the other languages too: "Senha de aplicação" (session 14)
    rf"|{APP_PASSWORD_WORDS}"
    r"|pass(?:wor[dt])?s?|passwd|pass-?phrase|passcode|pwd|pw|p/w|pword|ww|phrase\s+de\s+passe"
    # typed in haste: "admin / pasword W1ndmill-Carrot77" (session 17)
    r"|pasword|passowrd|passwrod|passwrd|pssword|pswd|psswd|paswort|paßwort|passwrt"
    # in the languages a mixed team writes a word of: Czech and Slovak, Polish, Swedish,
    # Norwegian, Danish, Finnish, Turkish, Hungarian (session 17)
    r"|heslo|hasło|haslo|lösenord|losenord|passord|adgangskode|salasana|şifre|sifre|jelszó"
    # run together in haste: "erstpw Quill8770?" (session 30, blind229 read)
    r"|(?:erst|init|start|neu|tmp|temp|einmal)-?(?:pw|pwd)"
    r"|kennw(?:ort|örter)|passw(?:ort|örter)|(?:initial|start|einmal)passwort"
    r"|contrase(?:ñ|n)as?|claves?(?:\s+de\s+acceso)?|mots?\s+de\s+passe|mdp|wachtwoord(?:en)?"
    r"|senhas?|palavra-passe|parola\s+d'ordine|encryption\s+(?:password|passphrase|key)"
    r"|backup\s+(?:password|passphrase)|vault\s+password|restore\s+(?:password|key)"
    # a passphrase or an encryption password in the other languages (session 11)
    r"|frase\s+de\s+(?:contraseña|paso|acesso|passe)|phrase\s+secrète|wachtwoordzin"
    r"|frase\s+segreta|verschlüsselungs(?:kennwort|passwort)|contraseña\s+de\s+cifrado"
    r"|mot\s+de\s+passe\s+de\s+chiffrement|senha\s+de\s+(?:encriptação|criptografia)"
    r"|password\s+di\s+crittografia|wachtwoord\s+voor\s+(?:de\s+)?versleuteling"
    r"|(?:temp|temporary|new|initial)\s+one"
    # "con usuario 1234 y clave X": a user name before makes the everyday "clave" a password
    r"|(?:usuario|user(?:name)?|utente|utilisateur|gebruiker(?:snaam)?|benutzer(?:name)?|usuário)"
    r"\s+[\w.@\\-]{1,40}\s+(?:y|and|et|en|e|und|/)\s+(?:clave|pass|contraseña|senha|password"
    r"|passwort|kennwort|wachtwoord|mot\s+de\s+passe)"
)

SECRET_RULES: tuple[KeywordRule, ...] = (
    *CODE_RULES,
    KeywordRule(
        "pin",
        r"(?:(?:sim|puk|windows\s+hello|hello|phone|handset|desk\s+phone|device|user|admin|card"
        r"|badge|printer|copier|mfd|release|print|bios|uefi|boot)[\s-]?)?"
        r"(?:pin|pin-?code|pincode|puk)(?:-?nummer)?"
        # a German health card's PINs: "PIN.SMC 50366725" (session 27, blind178 read)
        r"(?:\.(?:smc|ch|qes|home))?"
        # "PIN SIM 5521", "code PIN de la carte SIM": the device named after the PIN.
        r"(?:\s+(?:(?:de\s+la|del|della|de|do|da)\s+)?(?:carte\s+|tarjeta\s+|scheda\s+)?sim)?"
        # the role named after the PIN: "sbloccato con il PIN amministratore 68857" (session
        # 32, blind258 read)
        r"(?:\s+(?:admin|administrator|amministratore|administrateur|administrador|beheerder))?"
        r"|(?:user|release|printer|copier|badge|staff|employee)[\s-]code"
        r"|inlog-?code|anmelde-?code"  # "haar inlogcode voor de telefooncentrale is 3184" (s. 34)
        # a print-release code in the other languages: "Druckcode 3059 vergeben" (session 18)
        r"|druck-?code|kopier-?code|print-?code|afdrukcode|code\s+d'impression"
        # a till operator's code: "Codice operatore cassa assegnato: 7212" (session 18)
        r"|codice\s+operatore(?:\s+cassa)?|(?:till\s+)?operator\s+code|bedienercode"
        # a waiter's or cashier's: "Kellnercode 2719" (session 26, blind172 read)
        r"|kellner-?code|kassierer-?code|(?:waiter|cashier|clerk)\s+code|obercode"
        r"|code\s+opérateur|c[óo]digo\s+(?:de\s+)?operador"
        # a card's PIN: "un papier avec le code de sa carte CPS, 8204" (session 18)
        r"|code\s+(?:de\s+)?(?:sa|la|ma|votre|leur)\s+carte(?:\s+(?:cps|e-cps|bancaire|vitale))?,?"
        r"|c[óo]digo\s+de\s+impres(?:i[óo]n|são)|codice\s+(?:di\s+)?stampa"
        # an alarm's user code in the other languages: "met de gebruikerscode 7390" (session 17)
        r"|gebruikerscode|benutzercode|usercode|code\s+utilisateur|codice\s+utente"
        r"|c[óo]digo\s+de\s+(?:usuario|utilizador)"
        # a till's or card terminal's: "till manager code reset ... to 3366" (session 12)
        r"|(?:till\s+)?(?:manager|supervisor|refund|void)\s+code"
        # "code de validation superviseur fixé à 305049" (session 32, blind280 read)
        r"|code\s+(?:de\s+validation\s+)?(?:superviseur|responsable)"
        r"|geheimzahl|geheimnummer|códigos?\s+pin|codes?\s+pin|codice\s+pin"
        # an Italian bank's transfer PIN: "col codice dispositivo 820711" (session 36, blind361)
        r"|codice\s+dispositivo"
        # a card's PIN in French, a terminal's admin code: "le code confidentiel ... : 6253",
        # "o código de administrador ... O código ... é 3471" (session 23)
        r"|codes?\s+confidentiel|c[óo]digo\s+(?:de\s+)?administra(?:dor|ção|ción)"
        r"|code\s+(?:d')?administra(?:teur|tion)|codice\s+(?:di\s+|dell')?amministra(?:tore|zione)"
        r"|admin-?code|beheerderscode|administratorcode"
        r"|(?:unlock|screen[\s-]?lock|lock[\s-]?screen|device|phone|handset|i?pad|iphone|tablet"
        r"|mobile|android|samsung|screen)[\s-]?(?:pass)?codes?"
        # a device's passcode and a Screen Time code in the other languages: "den einheitlichen
        # Gerätecode 148957", "Il codice di Tempo di utilizzo è 4504" (session 30, blind234 read)
        r"|ger[äa]te-?code|apparaatcode|code\s+de\s+l'appareil|codice\s+del\s+dispositivo"
        r"|c[óo]digo\s+del?\s+(?:dispositivo|aparelho)|screen\s+time(?:\s+pass)?code"
        r"|(?:codice|c[óo]digo|code)\s+(?:di|de|del)\s+(?:tempo\s+di\s+utilizzo|tiempo\s+de\s+uso"
        r"|tempo\s+de\s+ecr[ãa]|temps\s+d'[ée]cran)|bildschirmzeit-?code|schermtijdcode"
        # "neuen Zahlencode 370436 am Serverraum gesetzt" (session 30, blind240 read)
        r"|zahlencode|cijfercode|code\s+num[ée]rique|c[óo]digo\s+num[ée]rico|codice\s+numerico"
        # a Zoom meeting's host key, six digits: "Claimed host using the host key 563888"
        # (session 33, blind288); not an SSH key's length ("host key 2048 bit")
        r"|host\s+key(?=[ \t]*(?::|is|was|=)?[ \t]*\d{6,10}\b)"
        # an account's first code: "créé son accès avec le code initial 223764" (session 33)
        r"|code\s+(?:initial|provisoire|temporaire)|c[óo]digo\s+(?:inicial|provis[óo]rio)",
        "digits",
        (
            "inlog",
            "anmelde",
            "host key",
            "code initial",
            "code provisoire",
            "code temporaire",
            "digo inicial",
            "digo provis",
            "gerätecode",
            "geräte-code",
            "apparaatcode",
            "appareil",
            "dispositivo",
            "aparelho",
            "screen time",
            "utilizzo",
            "tiempo de uso",
            "ecrã",
            "écran",
            "bildschirmzeit",
            "schermtijd",
            "zahlencode",
            "cijfercode",
            "numérique",
            "numérico",
            "numerico",
            " pin",
            "\npin",
            "-pin",
            "(pin",
            ">pin",
            "pin:",
            "pin-",
            "pincode",
            "puk",
            "geheimzahl",
            "geheimnummer",
            "manager code",
            "supervisor code",
            "code superviseur",
            "validation superviseur",
            "code responsable",
            "refund code",
            "void code",
            "unlock",
            "lock",
            "device code",
            "phone code",
            "handset code",
            "passcode",
            "pad code",
            "iphone code",
            "tablet code",
            "mobile code",
            "android code",
            "samsung code",
            "screen code",
            "user code",
            "gebruikerscode",
            "benutzercode",
            "usercode",
            "code utilisateur",
            "codice utente",
            "digo de usuario",
            "digo de utilizador",
            "release code",
            "printer code",
            "copier code",
            "badge code",
            "staff code",
            "employee code",
            "codice operatore",
            "codice dispositivo",
            "operator code",
            "bedienercode",
            "kellnercode",
            "kellner-code",
            "kassierercode",
            "kassierer-code",
            "waiter code",
            "cashier code",
            "clerk code",
            "obercode",
            "code opérateur",
            "digo de operador",
            "digo operador",
            "code de sa carte",
            "code de la carte",
            "code de ma carte",
            "code de votre carte",
            "code de leur carte",
            "druckcode",
            "druck-code",
            "kopiercode",
            "kopier-code",
            "printcode",
            "print-code",
            "afdrukcode",
            "code d'impression",
            "digo de impres",
            "codice di stampa",
            "codice stampa",
            "confidentiel",
            "digo de administra",
            "digo administra",
            "administrat",
            "amministra",
            "admincode",
            "admin-code",
            "beheerderscode",
        ),
    ),
    KeywordRule(
        "mfa_seed",
        r"(?:totp|otp|mfa|2fa|authenticator)[\s_-]?(?:seed|secret|key)|seed"
        # "showing the setup key EYQM3G56...", "Den TOTP-Schlüssel FTCCFBBJ..." (session 17)
        r"|setup[\s-]key|(?:totp|otp|mfa|2fa)[\s_-]?(?:schlüssel|geheimnis|clé|clef|clave|chave"
        r"|chiave|sleutel|segreto|secreto|segredo)",
        "token",
        (
            "seed",
            "totp",
            "otp secret",
            "otp-",
            "mfa secret",
            "2fa secret",
            "2fa-",
            "mfa-",
            "authenticator",
            "setup key",
            "setup-key",
        ),
    ),
    KeywordRule(
        "licence_key",
        r"(?:product|licen[cs]e|activation|serial|registration|mak|kms|volume(?:\s+licen[cs]e)?"
        r"|windows|office|cd|install(?:ation)?|unlock)[\s-]?(?:keys?|codes?)"
        r"|mak|lizenz-?(?:schlüssel|code)|produkt-?schlüssel|aktivierungs-?(?:schlüssel|code)"
        r"|clave\s+de\s+(?:producto|licencia|activación)|clés?\s+(?:de\s+produit|de\s+licence"
        r"|d'activation)|licentie-?(?:sleutel|code)|product-?sleutel|chave\s+(?:do\s+produto"
        r"|de\s+licença|de\s+ativação)|chiave\s+(?:di\s+)?(?:prodotto|licenza|attivazione)"
        r"|codice\s+(?:di\s+)?licenza"
        # an unlock code in the other languages: "code de déverrouillage maître" (session 14)
        r"|code\s+de\s+déverrouillage|entsperr-?code|c[óo]digo\s+de\s+desbloquei?o"
        r"|codice\s+di\s+sblocco|ontgrendel-?code"
        # a registration code in the other languages: "den Registrierungscode aus dem Brief,
        # FVSD-WEBJ-..." (session 27, blind182 read)
        r"|registrierungs-?(?:code|schlüssel)|c[óo]digo\s+de\s+regist(?:ro|o)|registratiecode"
        r"|code\s+d'enregistrement|codice\s+di\s+registrazione",
        "licence",
        (
            *("registrierung", "de registro", "de registo", "registratiecode"),
            *("enregistrement", "registrazione"),
            "product key",
            "product code",
            "product-key",
            "licen",
            "activation",
            "serial key",
            "registration key",
            "registration code",
            " mak",
            "mak:",
            "(mak",
            "kms",
            "volume",
            "windows key",
            "office key",
            "cd key",
            "cd-key",
            "install key",
            "installation key",
            "unlock",
            "lizenz",
            "produktschlüssel",
            "produkt-schlüssel",
            "aktivierung",
            "clave de producto",
            "clave de licencia",
            "clave de activación",
            "clé de produit",
            "clé de licence",
            "clé d'activation",
            "productsleutel",
            "chave do produto",
            "chave de licença",
            "chave de ativação",
            "chiave",
            "codice di licenza",
            "déverrouillage",
            "entsperr",
            "desbloque",
            "sblocco",
            "ontgrendel",
        ),
    ),
    KeywordRule(
        "wifi_key",
        r"(?:wi-?fi|wlan|wireless|ssid|wpa[23]?(?:-?psk)?|wpa[23]?\s+personal|guest\s+network"
        # ("de netwerksleutel Fietsbelklompen2367"; session 30, blind231 read)
        r"|staff\s+network|network|netzwerk|netwerk|hotspot)[\s-]?(?:security\s+)?"
        r"(?:keys?|password|pw|pwd|pass|passphrase|passwort|kennwort|schlüssel|psk|secret|sleutel"
        r"|wachtwoord|clave|contraseña|clé|chave|senha|chiave|code)"
        r"|(?:clave|contraseña|clé|mot\s+de\s+passe|wachtwoord|senha|chave|chiave|password"
        r"|passwort|kennwort|schlüssel|sleutel|parola\s+d'ordine|key|pw|pwd)\s+(?:del\s+|de\s+la\s+|de\s+l'|de\s+|du\s+|do\s+|da\s+"
        r"|van\s+(?:de\s+|het\s+)?|della\s+|dell'|for\s+(?:the\s+)?|für\s+(?:das\s+)?"
        r"|para\s+(?:la\s+|a\s+)?|pour\s+(?:le\s+)?|per\s+(?:la\s+)?|voor\s+(?:het\s+)?)?"
        # "nueva clave para la red FRAGUA-CLIENTES: ..." (session 11)
        # ("chave da rede wi-fi no autocolante eF0A..."; session 29, blind217 read)
        r"(?:wi-?fi|wlan|red\s+wi-?fi|réseau\s+wi-?fi|rede\s+wi-?fi|rete\s+wi-?fi|guest\s+wi-?fi"
        r"|staff\s+wi-?fi|ssid"
        r"|red|rede|rete|réseau|netwerk)"
        # and whose network: "clé du réseau invités waEF..." (session 27, blind188 read)
        r"(?:\s+(?:invités|invitados|convidados|ospiti|gasten|gäste|guests?|staff|personnel))?"
        # "netsh wlan show profile ... key=clear" prints the key after this label, by language
        # "SSID RhubarbStall, key 'crumble-and-custard'": the key right after the network's
        # name (session 9)
        # or the network's name in another language: "Rede VISEU-PROVAS, chave Touriga..."
        r"|(?:ssid|rede|réseau|netzwerk|netwerk|rete)[ \t:]+"
        r"(?:\"[^\"\n]{1,32}\"|'[^'\n]{1,32}'|[^\s,;]{1,32})[,;]?[ \t]+"
        r"(?:(?:and|with)[ \t]+)?(?:the[ \t]+)?(?:(?:old|new|same)[ \t]+)?"
        r"(?:key|pw|pwd|pass|password|psk|passphrase|clave|clé|schlüssel|chave|chiave|sleutel)"
        # "wifi changé aussi : clé Reblochon!Col-des-Aravis": the key a few words after (session 9)
        r"|(?:wi-?fi|wlan)[ \t]+(?:[\w'’]+[ \t]+){1,3}[:,-][ \t]*(?:clé|clave|chave|chiave"
        r"|sleutel|schlüssel|key)"
        # the key's word before its protocol: "Clé WPA2 30SdVYZz...", "clave WPA2 Linpri-..."
        # (session 33, blind289 and blind292 read)
        r"|(?:clé|clave|chave|chiave|sleutel|schlüssel|key)\s+wpa[23]?(?:-?psk)?"
        # a guest network's shared key in German: "Gemeinsamer Zugangsschlüssel für die
        # Teilnehmenden: cedar-fjord-..." (session 33, blind290 read)
        r"|(?:gemeinsamer\s+)?zugangsschlüssel"
        r"|key\s+content|schlüsselinhalt|contenu\s+de\s+la\s+clé|contenido\s+de\s+la\s+clave"
        r"|sleutelinhoud|conteúdo\s+da\s+chave|contenuto\s+(?:della\s+)?chiave",
        "wifi",
        (
            "key content",
            "zugangsschlüssel",
            "schlüsselinhalt",
            "contenu de la clé",
            "contenido de la clave",
            "sleutelinhoud",
            "conteúdo da chave",
            "contenuto",
            "wi-fi",
            "wifi",
            "wlan",
            "ssid",
            "rede ",
            "réseau ",
            "netzwerk ",
            "netwerk ",
            "rete ",
            "wpa",
            "wireless",
            "network key",
            "network password",
            "network security",
            "netzwerkschlüssel",
            "netzwerk-schlüssel",
            "netwerksleutel",
            "hotspot",
            "staff network",
            "guest network",
        ),
        frozenset({"network key", "network password"}),
    ),
    KeywordRule(
        "preshared_key",
        r"psk(?:secret)?|pre-?shared[\s-]?(?:key|secret)|presharedkey|ipsec[\s-]?(?:key|secret)"
        # RouterOS: "wpa2-pre-shared-key=Laranja7..." (session 18)
        r"|wpa[23]?-pre-shared-key"
        r"|ike[\s-]?(?:key|secret)|vpn[\s-]?(?:key|secret)|shared[\s-]?secret|radius[\s-]?secret",
        "token",
        (
            "psk",
            "pre-shared",
            "preshared",
            "pre shared",
            "ipsec key",
            "ipsec secret",
            "ike key",
            "ike secret",
            "vpn key",
            "vpn secret",
            "shared secret",
            "shared-secret",
            "radius secret",
        ),
    ),
    KeywordRule(
        "private_key",
        r"private[\s_-]?key|privatekey|priv[\s_-]?key",
        "token",
        ("priv",),
    ),
    KeywordRule(
        "client_secret",
        r"(?:client|app(?:lication)?|oauth)[\s_-]?secret(?:[\s_-]?value)?"
        # in the six languages: "clientgeheim", "Client-Geheimnis", "secreto de cliente",
        # "secret client", "segredo do cliente", "segreto client" (session 16)
        r"|client-?geheim(?:nis)?|(?:nieuwe?|neues?)\s+geheim(?:nis)?|secreto\s+(?:de(?:l)?\s+)?cliente|secret\s+(?:du\s+)?client"
        r"|segredo\s+do\s+cliente|segreto\s+(?:del\s+)?client",
        "token",
        ("secret", "geheim", "secreto", "segredo", "segreto"),
    ),
    KeywordRule(
        "api_key",
        r"api[\s_-]?(?:secret[\s_-]?key|key|secret|token)|apikey|x-api-key|subscription[\s_-]?key"
        r"|access[\s_-]?key(?:[\s_-]?id)?|secret[\s_-]?(?:access[\s_-]?)?key|account[\s_-]?key"
        # (not "integration key": Duo's ikey and DocuSign's are public client IDs; session 15)
        r"|(?:storage|sas)[\s_-]?key"
        # "API-sleutel opnieuw ingevuld: 5b8f..." (session 9)
        r"|api-?(?:sleutel|schlüssel|chave|chiave)|(?:clave|clé|chave|chiave)\s+(?:de\s+|d')?api"
        # an integration's secret key: "Zugangs-ID ..., Sicherheitsschlüssel MmhQ..." (session 20)
        r"|sicherheits-?schlüssel|geheimer?\s+schlüssel|clave\s+secreta|clé\s+secrète"
        r"|chave\s+secreta|chiave\s+segreta|geheime\s+sleutel"
        # a vendor's HTTP header named for its key: X-Cisco-Meraki-API-Key, X-Auth-Token
        r"|x-(?:[\w-]{1,40}?-)?(?:api-?key|api-?token|auth-?token|access-?token)"
        # an API member's key pair: "public: Q4hT... private: zP8w..." (session 7)
        r"|private(?=[ \t]*:)"
        # a LoRaWAN device's root and session keys in a pasted export: "app_key: 8FEA03FD..."
        # (session 35, blind333 read)
        r"|app_?s?key|nwk_?s?key",
        "token",
        (
            "api",
            "private",
            *("appkey", "app_key", "appskey", "app_skey", "nwkkey", "nwk_key", "nwks", "nwk_s"),
            *("sicherheits", "geheim", "clave secreta", "clé secrète", "chave secreta"),
            *("chiave segreta",),
            "auth-token",
            "authtoken",
            "access-token",
            "accesstoken",
            "access key",
            "access_key",
            "access-key",
            "accesskey",
            "secret key",
            "secret_key",
            "secret-key",
            "secretkey",
            "secret access",
            "account key",
            "account_key",
            "accountkey",
            "storage key",
            "sas key",
            "subscription key",
        ),
    ),
    KeywordRule(
        "token",
        r"(?:access|auth|bearer|refresh|personal[\s_-]?access|pat|sas|bot|webhook|session"
        r"|install(?:ation)?|enrol(?:l)?ment|registration|agent|deployment|site|provisioning)"
        # the other languages name the token first: "Token API del gateway ...: mlst_..."
        r"[\s_-]?tokens?|tokens?\s+(?:api|de\s+(?:acceso|acesso|api)|d'(?:accès|api)"
        r"|di\s+accesso|dell'api)\b|tokens?|bearer",
        "token",
        ("token", "bearer"),
        frozenset({"token", "tokens", "bearer"}),
    ),
    KeywordRule(
        "snmp_community",
        r"(?:snmp(?:\s*v?[123]c?)?[\s,_-]{0,3})?(?:(?:ro|rw|read|write)[\s_-]?)?community"
        r"(?:[\s_-]?(?:string|name))?|snmp-server\s+community"  # Cisco and HP config
        # "communauté : reliure-ro-7731", "comunidad SNMP" (session 12)
        r"|(?:communaut[ée]|comunidad|comunidade|comunit[àa])(?:\s+snmp)?",
        "token",
        ("community", "communaut", "comunidad", "comunit"),
        frozenset({"community", "communauté", "communaute", "comunidad", "comunidade", "comunità"}),
    ),
    KeywordRule("secret", r"secret", "token", ("secret",), frozenset({"secret"})),
    KeywordRule(
        "temporary_access_pass",
        r"temporary\s+access\s+pass(?:code)?|access\s+pass|befristete[nrms]?\s+zugriffspass"
        # (or "Zugangspass": "befristeten Zugangspass QEOUp1ib (1 Stunde)"; session 32, blind277)
        r"|befristete[nrms]?\s+zugangspass"
        r"|pase\s+de\s+acceso\s+temporal|passe\s+d'accès\s+temporaire"
        r"|tijdelijke\s+toegangspas|passe\s+de\s+acesso\s+temporário"
        r"|pass\s+di\s+accesso\s+temporaneo"
        # its short name after the words that issue one: "Entra TAP for the ranger" (session 14)
        r"|(?:entra|new|a|the|issued|generated|created|temp)\s+tap|tap(?=[ \t]*:)"
        # its short name after a dash or a comma, before a value with a digit: "- TAP 8vUocI?=,
        # one use" (session 28, blind200 read)
        r"|(?<=[-–—,;][ ])tap(?=[ \t]+\S*\d)",
        "token",
        (
            "tap",
            "access pass",
            "zugriffspass",
            "zugangspass",
            "pase de acceso",
            "passe d'accès",
            "toegangspas",
            "passe de acesso",
            "pass di accesso",
        ),
    ),
    KeywordRule(
        "secret",
        r"keys?|schlüssel|claves?|clés?|sleutels?"
        r"|chaves?|chiavi|chiave"
        # typed without its umlaut: "Schlussel 9efJ..." (session 29, blind213 read)
        r"|schlussel|schluessel",
        "key",
        (
            "key",
            "schlüssel",
            "clave",
            "clé",
            "sleutel",
            "chave",
            "chiav",
            "schlussel",
            "schluessel",
        ),
    ),
    KeywordRule(
        "password",
        _PASSWORD_WORDS,
        "password",
        (
            "pass",
            "pw",
            "pwd",
            "pasword",
            "paswort",
            "paßwort",
            "passwrt",
            "heslo",
            "hasło",
            "haslo",
            "lösenord",
            "losenord",
            "passord",
            "adgangskode",
            "salasana",
            "şifre",
            "sifre",
            "jelszó",
            "pswd",
            "psswd",
            "pssword",
            "ww",  # Dutch: wachtwoord, as "pw" is password
            "kennw",
            "contrase",
            "contr.",
            "clave",
            "mdp",
            "wachtw",
            "senha",
            "parola",
            "encryption",
            "backup",
            "vault",
            "restore",
            "frase",
            "phrase secr",
            "verschlüsselungs",
            "crittografia",
            "p/w",
            "p:",
            "p :",
            "temp one",
            "temporary one",
            "new one",
            "initial one",
        ),
        frozenset({"pass", "passes", "clave", "claves", "ww"}),
    ),
    # A German or Dutch compound that ends in the word: "Gerätepasswort", "Routerkennwort",
    # "beheerderswachtwoord" (session 8). Its own rule, so that only a text holding one of
    # the words runs its open-ended prefix.
    KeywordRule(
        "password",
        r"[a-zäöüß]{3,24}(?:passw(?:ort|örter)|kennw(?:ort|örter)|wachtwoord(?:en)?)",
        "password",
        ("passwort", "passwörter", "kennwort", "kennwörter", "wachtwoord"),
    ),
)

# Every rule's hints, to learn in one scan which rules a text may hold.
SECRET_HINTS = HintIndex(hint for rule in SECRET_RULES for hint in rule.hints)
