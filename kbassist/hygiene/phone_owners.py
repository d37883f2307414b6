"""The words around a phone number that say whose it is: a workplace's line or a work phone,
or a person's own (moved out of :mod:`kbassist.hygiene.phones` in session 28, when that module
reached its size)."""

from __future__ import annotations

import re

from kbassist.hygiene.regex_guard import guarded

# Words that make a number a workplace's, before or after it: an office, a desk, a line, a vendor.
WORK_WORDS = guarded(
    r"(?i)\b(?:offices?|desk|direct\s+(?:dial|line)|ddi|did|main\s+(?:line|number|office)"
    r"|reception|switchboard|front\s+desk|help\s?desk|service\s?desk|support|hotline|vendor"
    r"|supplier|isp|carrier|provider|fax|ext\.?|extension|durchwahl|\w*zentrale|büro|firma|company"
    r"|work|business|trunk|porting|ported|portabilit[àa]|portabilidad|portabilité|portabilidade"
    r"|nummerbehoud|rufnummernmitnahme|3cx|sip|teams|hunt\s?group|queue|ivr|auto\s?attendant"
    r"|operator\s+connect|calling\s+plan|direct\s+routing|phone\s+system|inbound|outbound"
    r"|duty\s+number|published|dial[\s-]?in|einwahl|conference\s+(?:line|number|bridge)"
    # "customers said the booking line 01856 ... went to voicemail" (session 14); a lift's
    # autodialler line, "The lift line's number (020 ...)" (session 35)
    r"|(?:booking|bookings|reservations?|enquiry|enquiries|sales|repairs?|lift)\s+(?:line|number)"
    # a charity's advice line; a service desk's footer: "the 24-hour advice line 0113 ...",
    # "Reply or call 0161 ... quoting your ticket number", "Northgate IT | 0118 ... | Ticket
    # closed" (session 37, blind373 and blind379 read)
    r"|advice\s+line|quoting\s+(?:your|the)\s+(?:ticket|reference|case)|ticket\s+closed"
    # a building's mail room: "Rang the mail room at Northgate (0161 ..." (session 37, blind384)
    r"|mail\s?room|post\s?room|concierge"
    # a firm's central number, its mail signatures: "Actualizado el teléfono central en todas las
    # firmas de correo a 963 ..." (session 37, blind388 read)
    r"|tel[ée]fono\s+central|firmas?\s+de\s+(?:correo|e-?mail)"
    # a team's line, an extension in French: "the Key Accounts team line 01642 ...", "Tél. 04 91
    # ... poste 31" (session 28, blind195 read)
    r"|(?:team|group|department|dept)\s+(?:line|number)|poste(?=[ \t]*(?:le[ \t]+)?\d)"
    # a direct line and a fault line in the other languages: "Votre ligne directe est désormais le
    # 04 72 ...", "El número de atención de averías 963 ... pasa a sonar en la extensión 2210"
    # (session 34, blind306 and blind308 read)
    r"|ligne\s+directe|l[íi]nea\s+directa|linha\s+direta|linea\s+diretta|directe\s+lijn"
    r"|extensi[óo]n|extens[ãa]o|aver[íi]as|avarias|st[öo]rungs(?:nummer|stelle|hotline|annahme)"
    r"|storingsnummer|guasti|d[ée]pannage"
    # a council's, a venue's box office, a switchboard in Portuguese: "(bereavement services,
    # Northgate Council)", "Het algemene kassanummer ... 020 ...", "a central do teatro continua
    # no 21 ..." (session 34, blind310 and blind311 read)
    r"|council|algemene|kassa\w*|box\s+office"
    r"|taquilla|billetterie|bilheteira|biglietteria|portaria|central(?=\s+d[oae]\b)"
    r"|\b(?:la|a)\s+central\b|\bcentral(?=[ \t:]*$)"  # "de la central es 917 ...", "Central 22 ..."
    # a handset a team shares: "the team's shared handset 07860 ..." (session 29, blind207 read)
    r"|shared\s+(?:handset|mobile|phone|cell)"
    # an e-mail signature's number: "signatures still say 0113 ..." (session 29, blind219 read)
    r"|signatures?|signature\s+template"
    # a fuel station's own line: "Rückrufnummer der Station: 02841 ..." (session 33, blind303)
    r"|(?:der|die)\s+station|tankstelle|station['’]s"
    # a site's security desk: "Security can reach the gatehouse on 01604 ..." (session 28)
    r"|gatehouse|gate\s+house|porter['’]?s\s+lodge|control\s+room|security\s+(?:office|desk)"
    # in Dutch and German: "eerst naar de beveiliging, 010-..." (session 31, blind253 read)
    r"|beveiliging|bewaking|meldkamer|sicherheitsdienst|pförtner|pforte"
    r"|oficina|empresa|centralita|bureau|entreprise|standard|kantoor\w*|bedrijf|escritório|ufficio"
    r"|azienda|aziendal[ei]|centralino|toll[\s-]?free|freephone|landline\s+of|site|branch(?:es)?|store|shop|clinic"
    r"|practice|surgery|dienst\w*|geschäft\w*|(?-i:us)|our|we|uns|nous|nos|nosotros|nuestro|ons|onze"
    # a vendor's support line in the six other languages: "Linha de apoio do fornecedor"
    r"|apoio|fornecedor|soporte|proveedor|fournisseur|lieferant\w*|leverancier|fornitore"
    # an advisers' firm: "la gestoría (Asesoría Ebro, 941 20 33 10)" (session 10)
    r"|asesor[íi]a|gestor[íi]a|notar[íi]a|bufete|kanzlei|steuerberat\w*|accountants"
    r"|assistenza|ondersteuning|hotline|klantcontact|klantenservice|kundenservice|kundendienst"
    # a switchboard in Dutch, a customer-service line in Spanish: "vanaf de centrale 033 ...",
    # "Teléfono de atención: 964 ..." (session 35, blind335 and blind336 read)
    r"|(?:de|onze|via\s+de)\s+centrale|tel[ée]fono\s+de\s+atenci[óo]n|atenci[óo]n\s+al\s+cliente"
    r"|atendimento|servizio\s+clienti|service\s+client|customer\s+service"
    r"|praktijk\w*|praxis\w*|consultorio|consultório|studio"  # a practice's number
    # a studio's or a shop's number in German, a phone on the firm's contract: "Studionummer
    # 0431 ...", "numero 329 ... intestato all'agenzia" (session 35, blind326 and blind328 read)
    r"|(?:studio|laden|büro|firmen|salon|shop|werkstatt)nummer|empresarial|intestat[oa]"
    # a clinic's or a pharmacy's: "Teléfono de la clínica: 976 ...", "numero fisso della
    # farmacia 02 ..." (session 23)
    r"|cl[íi]nica|clinique|klinik\w*|kliniek|farmacia|farmácia|pharmacie|apotheke|apotheek"
    # a vendor's technician or assistance line: "Tecnico Kyocera chiamato al 02 921791",
    # "asistencia técnica", "Techniker von Canon" (session 8)
    r"|t[ée]cnico|technician|techniker|technicien|technicus|monteur|servicetechniker"
    r"|asistencia|assistência|assistance|helpline|servicedesk|service\s?desk"
    # a shop's or firm's general number: "Telefone geral da loja", "número general"
    r"|geral|general|générale?|algemeen|generale|loja|tienda|negozio|winkel|magasin|boutique"
    r"|nós|nosso|ci|nostro"
    # the firm's main number or head office: "numéro principal", "Hauptnummer", "siège social"
    r"|principal|principale|hauptnummer|hoofdnummer|siège|accueil|receptie|recepción|receção|recepção"
    # a club's or a secretariat's line: "secretariaat ... (vast nummer van het clubhuis), toestel
    # 3" (session 9)
    r"|secretariaat|secretariat|sekretariat|secretar[íi]a|secrétariat|clubhuis|clubhouse"
    r"|vereinsheim|toestel"
    # counsel's clerks, a business's own landline: "Queen Square Chambers, clerks' room 020 ...",
    # "changed the phone to the café's landline 01273 ..." (session 17)
    r"|chambers|clerks'?|(?:café|cafe|shop|store|restaurant|bar|pub|hotel|salon|gym|clinic"
    r"|practice|surgery|office|firm|company|school|bakery|pharmacy)['’]s\s+(?:landline|number"
    r"|phone|line)"
    # a rota's phone: "is the crematorium's on-call phone" (session 9)
    r"|speed\s+dials?|on-call|on\s+call|duty\s+phone|bereitschaft\w*|piket\w*|guardia|astreinte)\b"
)
# A work line named further back than WORK_PHONE reads: the firm's main line changed to a new
# number ("Updated the company main line on the route app's customer SMS template to the new
# number 0114 ..."), a work phone issued to someone by name ("New work mobile issued by Pennant
# Visa Services to caseworker James Okafor, number 07516 ..."; session 35, blind333 and blind337)
WORK_LINE_FAR = re.compile(
    r"(?i)\b(?:main\s+(?:line|number)|switchboard|reception\s+number)\b[^.\n]{0,100}\bto\s+"
    r"(?:the\s+)?(?:new\s+)?(?:number\s+)?$"
    r"|(?<!not\s)(?<!no\s)\b(?:company|work|business)[\s-]+(?:mobile|phone|handset)\s+issued\s+"
    r"(?:by\s+(?:(?-i:[A-Z])[\w&'’-]*\s+){1,4})?to\s+(?:[\w'’-]+[\s,]+){1,4}(?:number\W{0,3})?$"
    # ("Issued a company mobile to the new head instructor ... for on-call duty at weekends:
    # Samsung A35, IMEI 354480452784271, number 07711 ..."; session 35, blind341 read)
    r"|\bissued\s+(?:a|the)\s+(?:new\s+)?(?:company|work|business)\s+(?:mobile|phone|handset)\b"
    r"(?:(?!\b(?:own|personal|private|home)\b)[^.\n]){0,160}\bnumber\W{0,3}$"
    # a club's or a firm's handset named further back, its number in brackets or after a colon:
    # "The club mobile that's on the website for match-day cancellations (+44 ..."; one it bought:
    # "The club has bought a pay-monthly mobile for the welfare officer role; its number, 07736
    # ..." (session 36, blind352 read)
    r"|(?<!not\s)(?<!no\s)\b(?:club|company|work|business)[\s-]+(?:mobile|phone|handset)\b"
    r"(?:(?!\b(?:own|personal|private|home|his|her|their|yet|until|till|instead|meanwhile|dead"
    r"|broken|lost|stolen)\b)[^.\d\n]){0,100}[(:][ \t]*$"
    # numbers assigned in the phone system: "Assigned Teams Phone numbers to the six sales staff
    # at Corley Fabrics: Ann Webb on 0116 ..." (session 36, blind355 read)
    r"|\b(?:assigned|allocated|provisioned|ported)\s+(?:new\s+)?(?:teams\s+phone|calling\s+plan"
    r"|operator\s+connect|direct\s+routing|ddi|did|direct\s+dial)\s+numbers?\b"
    r"(?:(?!\b(?:own|personal|private|home|mobile)\b)[^.\n]){0,120}$"
    # a work phone issued in German or Dutch, its number a clause on: "Neues Diensthandy für die
    # Schichtleitung ... ausgegeben, Rufnummer 0170 ...", "Nieuwe zakelijke mobiel uitgegeven aan
    # de teamleider attracties, nummer 06-..." (session 36, blind364 read)
    r"|(?<!kein\s)(?<!geen\s)\b(?:(?:dienst|firmen|geschäfts)handy|zakelijke?\s+(?:mobiel|telefoon"
    r"|gsm)|bedrijfs(?:mobiel|telefoon|gsm)|werktelefoon"
    # (in Portuguese and Spanish too: "Entregue telemóvel de serviço ao encarregado ...: número
    # 965 ..."; session 37, blind378 read)
    r"|telem[óo]vel\s+de\s+servi[çc]o|m[óo]vil\s+de\s+empresa|tel[ée]fono\s+de\s+empresa)\b"
    r"(?:(?!\b(?:privat\w*|eigene?[mnrs]?|persönlich\w*|priv[ée]|prive)\b)[^.\n]){0,100}"
    # (or "given" by the body: "de zakelijke mobiel die de bond hem als coördinator heeft
    # gegeven, 06-..."; session 37, blind383 read)
    r"\b(?:rufnummer|nummer|nr\.?|n[úu]mero|gegeven|verstrekt|uitgegeven|ausgegeben)\W{0,3}$"
    r"|\b(?:club|company|firm|school|charity|society|business)\s+(?:has\s+|have\s+)?(?:bought"
    r"|purchased|got|issued|provided)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:mobile|phone|handset)"
    r"\b(?:(?!\b(?:own|personal|private|home)\b)[^.\d\n]){0,100}\bnumber\W{0,3}$"
    # or the switchboard's number replaced a sentence later: "Le numéro du standard affiché sur
    # les quittances était celui de l'ancienne agence. Remplacé par le 04 72 ..." (session 36)
    # ("Die Telefonnummer der Geschäftsstelle ... Auf die neue Festnetznummer 0761 ... geändert";
    # blind352 read)
    r"|\b(?:standard|centralita|centralino|zentrale|switchboard|main\s+(?:line|number)"
    r"|geschäftsstelle)\b"
    r"(?:(?!\b(?:own|personal|private|home|mobile|portable|m[óo]vil|handy|cellulare)\b)[^\n])"
    # (or sent as the right one: "La web ... mostraba la centralita antigua. Enviado el número
    # correcto 917 ..."; session 37, blind377 read)
    r"{0,160}\b(?:n[úu]mero\s+correcto|correct\s+number|num[ée]ro\s+correct|remplac[ée]e?\s+par"
    r"|replaced\s+(?:by|with)|ersetzt\s+durch|sustituido\s+por"
    r"|vervangen\s+door|sostituito\s+(?:con|da)|substitu[íi]do\s+por|auf(?=\s+die\s))\s+(?:le"
    r"|la|el|the|il|o|de|den|die)?\s*(?:new\s+|nouveau\s+|nuevo\s+|neue\s+|nieuwe\s+|nuovo\s+"
    r"|novo\s+)?(?:number|num[ée]ro|n[úu]mero|nummer|festnetznummer|rufnummer|telefonnummer)?"
    r"\W{0,3}$"
    # a main line's new number: "Die Zentrale der Niederlassung Dortmund hat eine neue Rufnummer,
    # +49 231 ..." (session 37, blind381 read)
    r"|\b(?:zentrale|switchboard|centralino|centralita|hoofdnummer|main\s+(?:line|number))\b"
    r"[^.\n]{0,80}\b(?:new|neue|nueva|nouvelle|nuova|nieuwe|nova)\s+(?:rufnummer|nummer|number"
    r"|n[úu]mero|num[ée]ro|numero|telefonnummer)\W{0,3}$"
    # an example from a list of the firm's phones: "Company mobiles: 9 iPhones on the Vodafone
    # business account, e.g. the transport manager's 07826 ...", "Diensthandys der Monteure
    # (...), z. B. Bauleiter Herr Kaya 0160 ..." (session 37, blind365 read)
    r"|\b(?:(?:company|work|business)\s+(?:mobiles|phones|handsets)|(?:dienst|firmen)handys"
    r"|bedrijfs(?:telefoons|mobielen)|m[óo]viles\s+de\s+empresa|portables\s+professionnels"
    r"|cellulari\s+aziendali|telem[óo]veis\s+da\s+empresa)\b"
    r"(?:(?!\b(?:own|personal|private|home|privat\w*|eigene?\w?|priv[ée]e?s?)\b)[^.\n]){0,120}"
    r"\b(?:e\.\s?g\.|z\.\s?b\.|bijv\.|p\.\s?ex\.|ad\s+es\.|for\s+example|zum\s+beispiel"
    r"|bijvoorbeeld|por\s+ejemplo|par\s+exemple|per\s+esempio|por\s+exemplo)\s+"
    r"(?:(?!(?:own|personal|private|privat\w*|eigene?\w?|priv[ée]e?s?)\b)[\w'’-]+\s+){0,4}$"
)
# Said right after to be a firm's phone, whoever's pronoun stands before: "His number for
# follow-up is 07779 779392, an Otis company phone"; digits masked after, a range of direct dials:
# "de doorkiesnummers van het oude pand (0343 45 12 xx)" (session 31, blind253 and blind256 read)
WORK_PHONE_AFTER = re.compile(
    # (or "which is her company mobile, not her own"; session 32; "07497 ... is her company
    # mobile"; session 35)
    r"(?:[ \t]*[,(][ \t]*(?:(?:which|that)\s+is\s+)?|[ \t]+is[ \t]+)(?:an?|the|her|his|their)\s+"
    r"(?:[A-Z][\w&-]*\s+){0,2}"
    r"(?:company|work|business|firm|(?:branch\s+)?office|main)\s+(?:phone|mobile|handset|cell|line)\b"
    # (", the branch office line": session 36, blind362 read)
    # or on the firm's contract: "Rufnummer 0170 ... aus dem Firmenvertrag", "nummer 06-...
    # op het bedrijfsabonnement", "número 746 ... de la línea corporativa", "The number is 07541
    # ..., on the company's O2 business account" (session 36, blind349 and blind351 read)
    r"|(?i:[ \t]*,?[ \t]*(?:(?:aus|auf|in|im|von)\s+(?:dem\s+)?firmen\w+"
    r"|(?:op|van)\s+het\s+(?:bedrijfs\w+|zakelijk\w*\s+abonnement)|op\s+(?:\w+\s+)?zakelijk\b"
    r"|de\s+la\s+l[íi]nea\s+(?:corporativa|de\s+(?:la\s+)?empresa)"
    r"|da\s+linha\s+(?:corporativa|da\s+empresa)|della\s+linea\s+aziendale"
    r"|(?:du|sur\s+le)\s+(?:forfait|contrat)\s+(?:pro|entreprise|de\s+l['’]entreprise)"
    r"|(?:on|under|from)\s+the\s+(?:(?:company|firm|club)['’]s\s+)?(?:[\w&-]+\s+){0,2}"
    r"(?:business|company|corporate)\s+(?:account|contract|plan|tariff))\b)"
)
# The desk that did something is no owner: "reception corrected it from the paper form to
# 07911 ..." (session 12)
WORK_AGENT = re.compile(
    r"(?i)\b(?:reception|front\s+desk|the\s+office|support|we)"
    r"(?=\s+(?:\w+ed|rang|wrote|took|put|set|typed|re-?entered)\s+(?:it|her|his)\b)"
    # a technician who will call someone on the number: "Il tecnico dell'operatore chiamerà
    # al cellulare 347 ..." (session 17)
    r"|\b(?:t[ée]cnico|technician|engineer|techniker|technicien|monteur)\b"
    r"(?=(?:\s+[\w'’]+){0,3}\s+(?:will\s+(?:call|ring|text)|chiamerà|richiamerà|ruft|appellera"
    r"|rappellera|llamará|ligará|belt|zal\s+bellen)\b)"
)
_WORKPLACES = (
    r"company|firm|office|business|shop|practice|school|store|club|site|council|church|charity"
    r"|surgery|clinic|pharmacy|salon|team|department|branch|depot|warehouse|station|marina|yard"
    r"|bureau|magasin|boutique|cabinet|société|entreprise|agence|mairie|capitainerie|service"
)
PERSONAL_PHONE_WORDS = re.compile(
    # a directory's home phone field: "-HomePhone '0117 ...'", "homePhone:" (session 18)
    r"(?i)home_?phone|\b(?:personal\w*|private|home|own|privat\w*|persönlich\w*|personnel\w*|privé\w*|pessoal"
    r"|particular|privato|privata|wife|husband|mum|mom|dad|spouse|him|his|her|them"
    # (not a firm's partner: "Partner | Hollins & Dean Chartered Accountants | 01904 ..."; session
    # 30, blind224 read)
    r"|partner(?![\s:]+[\w&' -]{1,40}\b(?:Ltd|LLP|PLC|plc|GmbH|B\.V|SAS|SARL|S\.L|S\.r\.l)\b)"
    r"(?![ \t]*[|·•])"
    r"|their|he|she|ihn|ihm|ihr|ihre|seine?|lui|elle|hem|haar|zijn|ele|ela|dele|dela"
    r"|patient|patiënt|paciente|patiente?|paziente|tenant|pupil|resident"
    r"|parent|guardian"  # "the parent's mobile 07956 ..." (session 26, blind170 read)
    r"|key-?holders?"  # "Branch manager (keyholder): 07961 ..." (session 34, blind312 read)
    r"|perso|son|sa|su|suo|sua|seu|my|mine|mijn|mein|meine|meu|minha|mio|mia"
    # "naar je eigen mobiele nummer 06-..." (session 31, blind243 read)
    r"|eigen|eigenen?|eigene"
    # "Bitte rufen Sie mich auf dem Handy an, 0152 ..." (session 34, blind312 read)
    r"|(?:mich|me|moi|mij)\s+(?:auf|am|on|sur|op)\s+(?:dem\s+|my\s+|mon\s+|mijn\s+)?(?:handy"
    r"|mobil\w*|portable|mobiel|gsm))\b"
    # a person's mobile: "to the skipper's mobile 07 70 ...", "au portable du chef de bord, 07 99
    # ..." (session 34, blind316 read); not a workplace's
    rf"|\b(?!(?:{_WORKPLACES})['’]s\b)[a-z]+['’]s\s+(?:mobile|mob|cell)\b"
    rf"|\bportable\s+(?:du|de\s+la|de\s+l['’]|de)\s*(?!(?:{_WORKPLACES})\b)[a-zé]+\b"
)


# The number of a work phone: the device is the employer's, whoever carries it.
WORK_PHONE = guarded(
    # (not its absence: "Kev (own mobile, no company phone) 07912 ..."; session 18)
    r"(?i)\b(?<!no )(?<!without )(?<!not a )(?:company|works?|business|corporate|office|firm|staff"
    r"|church|school|council|charity|club|trust|practice|clinic|surgery|pharmacy|league)"
    # ("his work mob 07889 ... (co phone)"; session 33, blind287 read)
    r"(?:[\s-]+(?:issued|provided|owned|supplied|paid))?[\s-]+(?:mobile|mob|phone|cell"
    r"|handset|iphone|smartphone|sim)\b\W{0,3}(?:\w+\W+){0,2}"
    # an aside in brackets and a word after: "new work mobile for Sophie (company contract) ->
    # no. 07426 ..." (session 32, blind260 read); not an aside about her own
    r"(?:\((?![^()\n]*\b(?:own|personal|private|home)\b)[^()\n]{1,40}\)\W{0,5}(?:\w+\W+)?)?$"
    # (or said not to be theirs: "It's a company phone now, not his own, number 07476 ...";
    # session 35, blind332 read)
    r"|\b(?:company|work|business)\s+(?:phone|mobile|handset)\b[^.\n]{0,20}\bnot\s+(?:his|her"
    r"|their)\s+own\W+(?:\w+\W+){0,2}$"
    # (or for the patch a reporter covers: "got a company mobile for her patch: number 07869 ...";
    # session 35, blind334 read)
    r"|\b(?:company|work|business)\s+(?:mobile|phone|handset)\s+for\s+(?:his|her|their)\s+"
    r"(?:patch|round|area|region|beat|territory|rounds|shifts?)\W{0,3}(?:number\W{0,3})?$"
    # a work line right before: "her work line 0117 ..." (session 25, blind156 read; not
    # "his personal mobile rather than the practice line, 07931 ...")
    # (or "her desk line is 01302 ..."; session 37, blind371 read; a firm's lines in Dutch:
    # "zakelijke lijnen 06 50 ..."; blind387 read)
    r"|\bzakelijke?\s+(?:lijnen?|nummers?)\W{0,3}$"
    r"|\b(?:work|desk|duty|ops|operations)\s+(?:line|landline)(?:\s+(?:is|was))?\W{0,3}$"
    # a firm's number in Spanish, Portuguese and Italian, a German work phone with a hyphen:
    # "número corporativo 648 ...", "Firmen-Handy 0177 ..." (session 37, blind369 and blind371)
    r"|\b(?:n[úu]mero|m[óo]vil|telefone|tel[ée]fono|telem[óo]vel|numero|cellulare|telefono)\s+"
    r"(?:corporativo|aziendale|empresarial)\W{0,3}$|\b(?:dienst|firmen|geschäfts)-handy\W{0,3}$"
    # (an ops duty line, a firm's general number with its name: "overflow to the ops duty line
    # 01293 ...", "Het algemene nummer van Autobedrijf Verhoeven (040 ..."; session 32)
    r"|\balgeme(?:en|ne)\s+(?:tele(?:foon)?)?nummer\s+van(?:\s+(?-i:[A-Z])[\w&'’-]*){1,4}\W{0,3}$"
    # a direct number in the other languages: "il suo numero diretto 02 8901 ..." (session 28)
    r"|\b(?:numero\s+diretto|n[úu]mero\s+directo|num[ée]ro\s+direct|direktnummer|direct\s+nummer)"
    r"\W{0,3}$"
    # or the word alone in brackets after an extension: "all'interno 4580 (diretto 055 794 4580)"
    # (session 32, blind269 read)
    r"|\((?:diretto|directo|direto|direct|direkt)[ \t]*:?[ \t]*$"
    # a business's landline: "o telefone fixo do hotel, 22 ...", "het vaste nummer van het
    # pension, 0481 ...", "il fisso del salone", "le numéro du salon" (session 34, blind324 read)
    r"|\b(?:fixo|fijo|fisso|vaste\s+nummer|num[ée]ro|n[úu]mero|numero|telefone|tel[ée]fono)\s+"
    r"(?:d[oa]|del|della|dello|de\s+la|du|van\s+(?:het|de))\s+(?:hotel\w*|pension|salone?"
    r"|peluquer[íi]a|loja|tienda|negozio|winkel|magasin|cl[íi]nica|clinique|studio|estudio|sala"
    r"|escrit[óo]rio|oficina|ufficio|kantoor|bureau|cabinet|restaurante?|ristorante|garage"
    r"|canil|kennel|hondenpension|toelettatura|praktijk|farm[áa]cia|pharmacie|lonja|lota)\W{0,3}$"
    # or of a business by its name: "Le numéro fixe de L'Encre Vive (04 78 ...", "Het vaste
    # nummer van Tattoostudio Inktvis, 030 ..." (session 35, blind326 read); not a titled person
    r"|\b(?:fixe|fixo|fijo|fisso|vaste\s+nummer|festnetznummer)\s+(?:d[eiao]|del|van|von)\s+"
    r"(?!(?:m|mme|mlle|sr|sra|dr|herr|frau|dhr|mevr|sig|sig\.ra|dona|don|mr|mrs|ms)\b)"
    r"(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3}\W{0,3}$"
    # the firm's own line, a word or two between: "Gave them our company out-of-hours number
    # 0113 ..."; a work handset a few words before: "the company mobile he carries on wedding
    # days, 07900 ..." (session 34, blind319 and blind320 read)
    r"|\b(?:our|the)\s+(?:company|firm|business|office)(?:['’]s)?\s+(?:[\w-]+\s+){0,2}"
    # ("the company number on her account, 07914 ..."; session 36)
    r"(?:number|line|phone)(?:\s+on\s+(?:his|her|their|the)\s+account)?\W{0,3}$"
    r"|(?<!not\s)(?<!no\s)\b(?:company|work|business)[\s-]+(?:mobile|phone|handset)\b[ \t,]+"
    r"(?:(?!(?:own|personal|private|home|his|her|their|partner|wife|husband|then|or|instead|is"
    r"|dead|broken|lost|stolen|off|because|but|not|no)\b)[\w'’]+[ \t,]+){3,8}$"
    # "Zijn werknummer 020 514 8832" (session 25, blind159 read)
    r"|\b(?:werknummer|werktelefoon|zakelijke?\s+(?:nummer|mobiel|gsm)|dienstnummer|geschäftsnummer"
    r"|bedrijfs(?:mobiel|telefoon|gsm)"  # "Bedrijfsmobiel 06-88124026 uitgegeven" (session 36)
    r"|num[ée]ro\s+pro(?:fessionnel)?|n[úu]mero\s+(?:de\s+trabajo|profesional|do\s+trabalho"
    r"|profissional)|numero\s+(?:di\s+lavoro|aziendale)|(?:business|work)\s+number)\W{0,3}"
    # (and whose: "Le numéro pro du cabinet (02 40 ..."; session 31, blind241 read)
    r"(?:(?:du|de|des|del|della|of\s+the|van\s+de|der|do|da)\s+[\w'’-]+\W{0,3})?"
    # (and a word that it stays: "zijn zakelijke nummer blijft 06 ..."; session 29, blind209)
    r"(?:(?:is|stays|remains|blijft|bleibt|reste|sigue|continua|resta|still|now|nog)\W+){0,2}$"
    # ("das Redaktionshandy (0177 ..."; session 35, blind334 read)
    r"|(?:diensthandy|firmenhandy|geschäftshandy|diensttelefon|firmen-?mobil|dienst-?mobil"
    r"|redaktionshandy|bereitschaftshandy|notfallhandy|teamhandy|bürohandy"
    r"|n[úu]mero\s+de\s+servi[çc]o)\w*\W{0,3}(?:\w+\W+){0,2}$"
    # (or further in its clause: "Firmenhandy mit Vertrag des Büros ausgegeben, Nummer 0176 ...";
    # session 34, blind313 read; not its absence)
    r"|(?<!kein\s)(?<!keine\s)(?<!ohne\s)\b(?:diensthandy|firmenhandy|geschäftshandy)\w*[ \t,]+"
    r"(?:(?!nicht\b|kein\w*\b|privat\w*\b|eigene\w*\b)\w+[ \t,:]+){3,6}$"
    # "o seu telemóvel de serviço já está ativo com o número 916 ..." (session 31, blind243)
    # (not its absence: "Non ha il telefono aziendale, ha dato il suo cellulare: ...", "nao tem
    # telemovel da empresa, deu o pessoal 920 ...")
    r"|(?<!n[ãa]o\stem\s)(?<!sem\s)(?<!sin\s)(?<!sans\s)(?<!senza\s)(?<!attendant\sun\s)"
    r"(?<!espera\sdo\s)(?<!espera\sde\s)(?<!pas\sde\s)"
    r"\b(?:telem[óo]vel|telefone|m[óo]vil|tel[ée]fono|portable|t[ée]l[ée]phone|cellulare"
    r"|telefono)\s+(?:de\s+servi(?:[çc]o|cio|ce)|de\s+empresa|da\s+empresa|aziendale"
    r"|professionnel|pro)\W{0,3}(?:(?!pessoal|personal|particular|privad|perso|suo|sua|seu)"
    r"\w+\W+){0,6}$"
    # a list of direct dials after its label: "Direct dials: Partners 0113 387 2215 / 2216,
    # Payroll 0113 387 2220" (session 30, blind228 read); "it's the company one 07452 ..."
    r"|\b(?:direct\s+dials|ddis|dids|durchwahlen|doorkiesnummers|lignes\s+directes)\s*:"
    r"(?:(?!mobile|personal|private|home|own\b|priv|perso)[^\n]){0,60}$"
    r"|\b(?:the|a)\s+(?:company|work|business|firm)(?:['’]s)?\s+one\W{0,3}$"
    # a direct line is the employer's: "Her DDI 0161 496 0732" (session 7), "Her direct dial stays
    # 0113 ..." (session 28, blind189 read)
    r"|\b(?:ddi|did|direct\s+(?:dial|line)|durchwahl|doorkiesnummer|ligne\s+directe"
    # "linha direta 21 332 2205" (session 31, blind248 read)
    r"|linha\s+direta|l[íi]nea\s+directa|linea\s+diretta|directe\s+lijn)s?\W{0,3}"
    r"(?:(?:is|stays|remains|was|still|now)\W+){0,2}$"
    # one given as an example of them: "direct dial field from AD, e.g. mine is 0113 ..."
    # (session 29, blind219 read)
    r"|\b(?:ddi|direct\s+(?:dial|line))s?\b[^\n]{0,40}?\b(?:mine|his|hers|theirs)\s+is\W+$"
    r"|(?:m[óo]vil|tel[ée]fono|celular|telem[óo]vel|portable|cellulare|gsm|mobiel|t[ée]l[ée]phone)\s+"
    r"(?:de\s+(?:la\s+)?empresa|corporativo|da\s+empresa|professionnel|de\s+société"
    r"|aziendale|van\s+de\s+zaak|zakelijk)\W{0,3}(?:\w+\W+){0,2}$"
    # the office's phone: "o telefone do escritório 222 ..." (session 20)
    r"|\b(?:telefone|tel[ée]fono|t[ée]l[ée]phone|telefono|telefoon|telefon)\s+(?:do\s+escrit[óo]rio"
    r"|de\s+(?:la\s+)?oficina|du\s+bureau|dell['’]ufficio|van\s+(?:het\s+)?kantoor|des\s+büros)"
    r"\W{0,3}$"
)


# A cell of a signature line laid out with bars that names the writer's role: "Wendy Ashcombe |
# Lettings Negotiator | Pennard Homes | 0117 ...", "Alessandro Ricci | Direttore Commerciale |
# Tel. 031 ..." (session 28, blind195 read); a bar follows it on the same line.
ROLE_CELL = guarded(
    r"(?i)(?:^|\|)[ \t>]*(?:[\w'’&.-]+[ \t]+){0,4}(?:manager|negotiator|co-?ordinator|engineer"
    r"|director|officer|assistant|controller|analyst|administrator|receptionist|secretary"
    r"|accountant|supervisor|consultant|advis[eo]r|clerk|executive|specialist|technician"
    r"|architect|developer|paralegal|solicitor|bookkeeper|pa[ \t]+to|head[ \t]+of|chief"
    r"|recursos[ \t]+humanos|direttore|direttrice|responsabile|directeur|directrice|responsable"
    r"|gerente|directora?|jef[ea]|leiter\w*|geschäftsführer\w*|sachbearbeiter\w*|beheerder"
    r"|medewerker|adviseur|assistente|contabile|impiegat[oa]|gestora?|t[ée]cnic[oa]|clerc"
    r"|comptable|assistante)\b[^|\n]{0,40}\|"
)
# A firm's website or its e-mail disclaimer in a cell of the number's line: "Tel. 244 830 410 |
# www.lusomoldes.pt", "24x7 line 0161 ... | This email is confidential" (session 28)
WEB_OR_DISCLAIMER_CELL = re.compile(
    r"(?i)\|[ \t]*(?:www\.|https?://)[\w-]|(?:www\.|https?://)[\w./-]+[ \t]*\|"
    r"|\|[ \t]*this[ \t]+(?:e-?mail|message)[ \t]+(?:is|and)[ \t]"
)

# A number called personal in the words right before it, whatever the brackets after say: "on
# his personal mobile 07780 ... (company phone off at weekends)" (session 28, blind194 read)
PERSONAL_NAMED = re.compile(
    r"(?i)\b(?:personal|private|own|privat\w*|persönlich\w*|personnel\w*|privé\w*|pessoal"
    r"|particular|privato|privata)\b(?:\s+\w+){0,2}\W{0,3}$"
)


# "asked for the forward to go to her own mobile ... Set the 3CX holiday forward to 07723
# 418 905": the phone named as someone's own earlier, with no other number between (session 9).
# In the other languages too: "telemóvel pessoal", "privates Handy", "private Festnetznummer",
# "portable perso" (session 11).
_OWN_PHONE_EARLIER = guarded(
    r"(?i)(?:\b(?:(?:her|his|their|my)\s+(?:own|personal|private)|personal|private)\s+"
    r"(?:mobile|phone|cell|number|mob\b)s?"  # "her own mob till ..." (session 36, blind356)
    r"|\b(?:telem[óo]vel|m[óo]vil|celular|portable|cellulare|mobiel|gsm|handy|telefon|n[úu]mero"
    r"|numéro|nummer)\s+(?:pessoal|personal|perso|personnel|personale|privato|privé|privat"
    r"|particular)"  # "su móvil particular" (session 20)
    r"|\b(?:privat|persönlich|priv[ée])\w*\s+(?:handy|mobil\w*|telefon\w*|festnetz\w*|nummer"
    r"|mobiel|gsm)"
    # "will die App auf seinem eigenen Handy nutzen ... Registrierungs-SMS ging an 0171 ..."
    # (session 34, blind306 read)
    r"|\beigene[mn]?\s+(?:handy|mobil\w*|smartphone|telefon\w*|mobiel|gsm|telefoon)"
    # "usa su propio teléfono para la app ... avisos por SMS al +34 662 ..." (session 34, blind318)
    r"|\b(?:propi[oa]|própri[oa]|propre|propri[oa])\s+(?:tel[ée]fono|m[óo]vil|telem[óo]vel"
    r"|telefone|t[ée]l[ée]phone|portable|cellulare)"
    r"|\b(?:tel[ée]fono|m[óo]vil|telem[óo]vel|telefone|cellulare)\s+(?:propi[oa]|própri[oa])"
    # no work phone to use instead: "I don't have a work phone, use 07816 ..." (session 29)
    r"|\b(?:don'?t|don’t|do\s+not|doesn'?t|does\s+not|has\s+no|have\s+no)\s+(?:have\s+)?(?:a\s+)?"
    r"(?:work|company|business)\s+(?:phone|mobile))\b"
    # (or a line that ends with a colon before, and the block it opens: "added his own mobile as
    # the SMS method:" then a command with "-PhoneNumber '+44 7750 ...'"; session 31, blind242)
    r"(?P<between>(?:[^\n]{0,120}:[ \t]*\n(?:[ \t]*\n)?)?[^\n]{0,200})$"
)
_SEVEN_DIGITS = re.compile(r"\d(?:[ \t()./-]*\d){6}")


# A work phone said to be missing or still to come: "until her work phone arrives", "(não tem
# telemóvel da empresa)"
_NO_WORK_PHONE_YET = guarded(
    r"(?i)\b(?:until|till|bis|hasta|jusqu|totdat|finché|até|instead|no|not|não|kein\w*|pas|geen"
    # "non ha telefono aziendale" (session 30, blind228 read)
    r"|sin|senza|sem|without|ohne|sans|zonder|non|nicht|nessun\w*|ning[úu]n\w*|aucun\w*|nenhum)\b"
)


# Someone's mobile or an emergency contact named earlier in the same sentence: "Her mobile in
# Optix was the old one; updated to 07424 ...", "for his partner to be the emergency contact in
# the HR system ...: Sophie, 07569 ..." (session 33, blind285-286 read)
_OWNER_IN_SENTENCE = guarded(
    r"(?i)\b(?:(?:her|his|their)\s+(?:mobile|cell)(?:\s+(?:phone|number))?"
    r"|emergency\s+contact|next\s+of\s+kin|notfallkontakt|contacto\s+de\s+emergencia"
    r"|contact\s+d['’]urgence|contatto\s+di\s+emergenza|noodcontact"
    r"|contacto\s+de\s+emerg[êe]ncia)\b(?P<between>[^.!?\n]{0,160})$"
)


def own_phone_earlier(text: str, start: int) -> bool:
    """Whether a phone was called someone's own earlier, no other number given since."""
    # (a sentence before: "ihr privates Handy für die Anmeldung ... Nummer in Entra auf 0170
    # ... geändert"; session 29, blind218 read)
    named = _OWN_PHONE_EARLIER.search(text, max(0, start - 220), start) or (
        _OWNER_IN_SENTENCE.search(text, max(0, start - 200), start)
    )
    if named is None or _SEVEN_DIGITS.search(named.group("between")):
        return False
    # "not his personal mobile, so callbacks go to his company mobile 07412 ..." (session 19),
    # not "her personal mobile ... until her work phone arrives: 07402 ..."
    between = named.group("between")
    if _WORK_HANDSET_ISSUED.search(between):
        return False  # "moved off his own phone now the company has issued the on-call handset"
    if _MAIN_LINE_RIGHT_BEFORE.search(between):
        return False  # "... il suo cellulare privato ... ora solo il centralino 02 8901 ..."
    return not (WORK_PHONE.search(between) and not _NO_WORK_PHONE_YET.search(between))


# a firm's main line in the six languages, as phones.py's switchboard before a number reads it too
MAIN_LINE_WORDS = (
    r"switchboard|centralino|centralita|zentrale|hoofdnummer|main\s+(?:line|number)|standard"
    # the switchboard of a place: "le standard de l'aéroclub, 01 39 ..." (session 36, blind361)
    r"|standard\s+(?:du|des|de\s+la|de\s+l['’])\s*[\w-]+"
)
# a firm's main line named right before the number (session 33, blind298 read)
_MAIN_LINE_RIGHT_BEFORE = re.compile(
    r"(?i)\b(?:"
    + MAIN_LINE_WORDS
    # or the place's fixed line the own phone was replaced by: "Trocado pelo telefone fixo da
    # sede, 22 ...", "from Neil's personal phone ... to the shop landline 01273 ..." (session 36,
    # blind351 and blind352 read); not a home's
    + r"|(?<!home\s)(?<!own\s)(?<!private\s)(?<!personal\s)landline|ligne\s+fixe"
    r"|(?:telefone|tel[ée]fono|telefono|numero|n[úu]mero|num[ée]ro)\s+(?:fixo|fijo|fisso|fixe)"
    r"(?:\s+(?:d[aoe]l?|della|dello|de\s+la|du)\s+(?!casa\b|maison\b)[\w'’-]+)?)\W{0,3}$"
)


# a work phone given since, after the own one: "Mark's SMS alerts moved off his own phone now the
# company has issued the network on-call handset. The on-call mobile is 07940 ..." (session 31)
_WORK_HANDSET_ISSUED = re.compile(
    r"(?i)\b(?:company|firm|employer|business)\s+(?:has\s+|have\s+)?(?:issued|provided|supplied)"
    r"|\bon-?call\s+(?:mobile|phone|handset)\s+is\b"
)
