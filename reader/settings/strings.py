"""Every string reader shows, in English and in French: the one catalogue.

Each entry is `key: (English, French)`. Parameters are `{name}` and must be the
same in both columns (a test checks). Plurals are two entries, `.one` and
`.other` (see `reader.settings.i18n.plural`). Keys of key bindings are `key.` plus the
binding's id, so a keymap and a translation name the same thing.

French follows the usual typography of a screen, not of print: plain spaces
before `:` and `?`, so that a line wraps where English would.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # -- problems with content files ----------------------------------------------
    "severity.error": ("error", "erreur"),
    "severity.warning": ("warning", "avertissement"),
    "value.list": ("a list", "une liste"),
    "value.mapping": ("a mapping", "un dictionnaire de clés"),
    "value.text": ("a piece of text", "du texte"),
    "value.other": ("a {type}", "une valeur de type {type}"),
    "problem.empty": ("the file is empty", "le fichier est vide"),
    "problem.binary": (
        "this looks like a binary file, not Markdown text",
        "ce fichier semble binaire, ce n'est pas du texte Markdown",
    ),
    "problem.not_utf8": (
        "the text is not UTF-8 (byte 0x{byte} at offset {offset}); re-save the file as UTF-8",
        "le texte n'est pas en UTF-8 (octet 0x{byte} à la position {offset}) ; "
        "réenregistrez le fichier en UTF-8",
    ),
    "problem.bad_yaml": (
        "the front matter is not valid YAML: {reason}",
        "l'en-tête (front matter) n'est pas du YAML valide : {reason}",
    ),
    "problem.bad_toml": (
        "the front matter is not valid TOML: {reason}",
        "l'en-tête (front matter) n'est pas du TOML valide : {reason}",
    ),
    "problem.unclosed": (
        "the front matter opened with '{fence}' on line 1 is never closed",
        "l'en-tête ouvert par '{fence}' à la ligne 1 n'est jamais fermé",
    ),
    "problem.not_mapping": (
        "the front matter is {what}, but it must be a mapping of keys (title: ..., published: ...)",
        "l'en-tête est {what}, mais ce doit être une liste de clés (title: ..., published: ...)",
    ),
    "problem.not_text": (
        "'{key}' must be text, but it is {what}",
        "'{key}' doit être du texte, mais c'est {what}",
    ),
    "problem.bad_date": (
        "'{key}: {text}' is not a date reader understands (YYYY-MM-DD); ignored",
        "'{key}: {text}' n'est pas une date que reader comprend (AAAA-MM-JJ) ; ignoré",
    ),
    "problem.bad_tags": (
        "'tags' must be a list or text, but it is {what}; ignored",
        "'tags' doit être une liste ou du texte, mais c'est {what} ; ignoré",
    ),
    "problem.unknown_language": (
        "unknown language '{code}' (expected a code such as 'en' or 'fr')",
        "langue inconnue '{code}' (un code tel que 'en' ou 'fr' est attendu)",
    ),
    "problem.unknown_kind": (
        "unknown kind '{kind}' (known kinds: {known})",
        "genre inconnu '{kind}' (genres connus : {known})",
    ),
    "problem.sources_not_list": (
        "'sources' must be a list, but it is {what}",
        "'sources' doit être une liste, mais c'est {what}",
    ),
    "problem.source_not_mapping": (
        "source {number} is {what}, not a mapping; dropped",
        "la source {number} est {what}, pas un dictionnaire de clés ; écartée",
    ),
    "problem.source_empty": (
        "source {number} has neither a publisher nor a title; dropped",
        "la source {number} n'a ni éditeur ni titre ; écartée",
    ),
    "problem.source_kind": (
        "source {number} has unknown kind '{kind}' (use primary, secondary or quoted); "
        "shown as secondary",
        "la source {number} a un genre inconnu '{kind}' (primary, secondary ou quoted) ; "
        "affichée comme secondaire",
    ),
    "problem.source_url": (
        "source {number} has a link reader will not open ('{url}'); ignored",
        "la source {number} a un lien que reader n'ouvrira pas ('{url}') ; ignoré",
    ),
    "problem.unreadable": ("cannot be read ({reason})", "illisible ({reason})"),
    "problem.too_large": (
        "the file is too large to read ({size}; the limit is {limit})",
        "le fichier est trop gros pour être lu ({size} ; la limite est de {limit})",
    ),
    "problem.not_regular": (
        "not a regular file (a pipe, a device or a socket); skipped",
        "pas un fichier ordinaire (un tube, un périphérique ou une socket) ; ignoré",
    ),
    "problem.folder_unreadable": (
        "this folder cannot be listed: {reason}",
        "ce dossier ne peut pas être parcouru : {reason}",
    ),
    "problem.folder_missing": (
        "content folder does not exist",
        "ce dossier d'articles n'existe pas",
    ),
    "problem.folder_not_dir": (
        "content path is neither a folder nor a Markdown file",
        "ce chemin d'articles n'est ni un dossier ni un fichier Markdown",
    ),
    "problem.duplicate": (
        "duplicate id '{id}': {other} already uses it; this file was not loaded "
        "(give one of them another `id:`)",
        "identifiant '{id}' en double : {other} l'utilise déjà ; ce fichier n'a pas été chargé "
        "(donnez à l'un des deux un autre `id:`)",
    ),
    # -- the config file ------------------------------------------------------------
    "config.problem": ("{where}: {reason}", "{where} : {reason}"),
    "config.ignored": ("{reason}; ignored", "{reason} ; ignoré"),
    "config.bad_yaml": (
        "{reason}; using the defaults",
        "{reason} ; reader utilise les réglages par défaut",
    ),
    "config.not_yaml": ("not valid YAML", "ce n'est pas du YAML valide"),
    "config.not_mapping": (
        "expected keys such as 'theme:'",
        "des clés telles que 'theme:' sont attendues",
    ),
    "config.bad_theme": ("'theme' must be a theme name", "'theme' doit être un nom de thème"),
    "config.bad_width": (
        "'reading_width' must be a whole number from {low} to {high}",
        "'reading_width' doit être un nombre entier de {low} à {high}",
    ),
    "config.bad_content": (
        "'content' must be a folder or a list of folders",
        "'content' doit être un dossier ou une liste de dossiers",
    ),
    "config.bad_language": (
        "'language' must be one of {languages}",
        "'language' doit être l'une de ces valeurs : {languages}",
    ),
    "config.bad_keys": (
        "'keys' must map binding ids to keys, e.g. main.next: n",
        "'keys' doit associer des identifiants de raccourcis à des touches, p. ex. main.next: n",
    ),
    "config.unknown_binding": (
        "keys: no binding has the id '{id}' (the README lists them)",
        "keys : aucun raccourci n'a l'identifiant '{id}' (le README les liste)",
    ),
    "config.bad_key": (
        "keys: {id}: '{key}' is not a key name (like j, ctrl+p, pagedown, full_stop)",
        "keys : {id} : '{key}' n'est pas un nom de touche (comme j, ctrl+p, pagedown, full_stop)",
    ),
    "config.key_taken": (
        "keys: {key}, given to {id}, is {other}'s already; where both apply, {id} now has it",
        "keys : {key}, donnée à {id}, est déjà celle de {other} ; là où les deux valent,"
        " {id} la prend",
    ),
    "config.key_twice": (
        "keys: {key} is given to both {other} and {id}",
        "keys : {key} est donnée à la fois à {other} et à {id}",
    ),
    "config.unknown": ("unknown setting '{key}'", "réglage inconnu '{key}'"),
    "config.bad_hide": (
        "hide: must be a list of rules, one a line",
        "hide: doit être une liste de règles, une par ligne",
    ),
    "config.rule_long": (
        "a rule is at most {limit} characters",
        "une règle fait au plus {limit} caractères",
    ),
    "config.rule_shape": (
        'not a rule: {rule} (FIELD TEST "VALUE", e.g. title contains "Sponsored")',
        'pas une règle : {rule} (CHAMP TEST "VALEUR", par ex. title contains "Sponsored")',
    ),
    "config.rule_pattern": (
        "not a regular expression ({reason})",
        "expression régulière invalide ({reason})",
    ),
    "config.example_header": (
        "# reader's settings. Every key is optional; take the '# ' off a line to use it.",
        "# Réglages de reader. Chaque clé est facultative ;"
        " ôtez le « # » d’une ligne pour l’utiliser.",
    ),
    # -- reading state ------------------------------------------------------------
    "store.moved": (
        "{path} {reason}; it was moved to {moved} and a new store was made.",
        "{path} {reason} ; il a été mis de côté sous {moved} et un nouveau fichier a été créé.",
    ),
    "store.unwritable": (
        "Reading state will not be saved: {path} cannot be written ({reason}).",
        "L'état de lecture ne sera pas enregistré : impossible d'écrire {path} ({reason}).",
    ),
    "store.save_failed": (
        "could not save reading state: {reason}",
        "l'état de lecture n'a pas pu être enregistré : {reason}",
    ),
    "store.read_failed": (
        "could not read reading state: {reason}",
        "l'état de lecture n'a pas pu être lu : {reason}",
    ),
    "export.not_json": ("not a JSON file ({reason})", "pas un fichier JSON ({reason})"),
    "export.bad_list": (
        "'{key}' must be a list; nothing was imported",
        "« {key} » doit être une liste ; rien n'a été importé",
    ),
    "export.bad_entry": (
        "{where} must be {wanted}; nothing was imported",
        "{where} doit être {wanted} ; rien n'a été importé",
    ),
    "store.unexpected": (
        "a change could not be saved because of an error in reader ({reason}); please report it",
        "une modification n'a pas pu être enregistrée à cause d'une erreur de reader "
        "({reason}) ; merci de la signaler",
    ),
    "store.saved_again.one": (
        "The change that could not be saved is saved now.",
        "La modification qui n'avait pas pu être enregistrée l'est maintenant.",
    ),
    "store.saved_again.other": (
        "The {count} changes that could not be saved are saved now.",
        "Les {count} modifications qui n'avaient pas pu être enregistrées le sont maintenant.",
    ),
    "store.unsaved.one": (
        "1 change could not be saved (see the messages above); it is lost.",
        "1 modification n'a pas pu être enregistrée (voir les messages ci-dessus) ; "
        "elle est perdue.",
    ),
    "store.unsaved.other": (
        "{count} changes could not be saved (see the messages above); they are lost.",
        "{count} modifications n'ont pas pu être enregistrées (voir les messages ci-dessus) ; "
        "elles sont perdues.",
    ),
    "app.job_failed_title": ("Something went wrong", "Un problème est survenu"),
    "app.job_failed": (
        "The background job '{job}' stopped with an error ({reason}). "
        "What is on screen is kept; please report this.",
        "La tâche de fond « {job} » s'est arrêtée sur une erreur ({reason}). "
        "Ce qui est affiché est conservé ; merci de le signaler.",
    ),
    "store.replaced": (
        "The state file {path} was emptied or deleted while reader ran. A new one "
        "was started (what was left of the old one: {moved}), and everything this "
        "window knows has been saved into it.",
        "Le fichier d'état {path} a été vidé ou supprimé pendant que reader tournait. "
        "Un nouveau a été commencé (ce qui restait de l'ancien : {moved}), et tout ce "
        "que cette fenêtre sait y a été enregistré.",
    ),
    "store.not_export": (
        "this is not a reader export (it has no 'format: reader-state')",
        "ce n'est pas un export de reader (il n'a pas de 'format: reader-state')",
    ),
    "store.foreign": (
        "is not a reader database ({reason})",
        "n'est pas une base de données de reader ({reason})",
    ),
    "store.not_ours": (
        "is a database that reader did not make",
        "est une base de données que reader n'a pas créée",
    ),
    "store.newer": (
        "it was made by a newer reader (schema {version}, this reader knows {known})",
        "il a été créé par une version plus récente de reader (schéma {version}, "
        "celle-ci connaît le {known})",
    ),
    "store.no_wal": (
        "the database cannot use write-ahead logging",
        "la base de données ne peut pas utiliser la journalisation anticipée (WAL)",
    ),
    "store.damaged": ("is damaged ({reason})", "est endommagé ({reason})"),
    "store.title": ("Reading state", "État de lecture"),
    "store.not_saved": ("Not saved", "Non enregistré"),
    "resources.missing": (
        "reader's bundled '{name}' folder is missing (looked in {inside} and {beside}); "
        "reinstall reader with `pip install .`",
        "le dossier '{name}' fourni avec reader est introuvable (cherché dans {inside} et "
        "{beside}) ; réinstallez reader avec `pip install .`",
    ),
    # -- dates, languages, kinds -------------------------------------------------------
    "date.month.1": ("January", "janvier"),
    "date.month.2": ("February", "février"),
    "date.month.3": ("March", "mars"),
    "date.month.4": ("April", "avril"),
    "date.month.5": ("May", "mai"),
    "date.month.6": ("June", "juin"),
    "date.month.7": ("July", "juillet"),
    "date.month.8": ("August", "août"),
    "date.month.9": ("September", "septembre"),
    "date.month.10": ("October", "octobre"),
    "date.month.11": ("November", "novembre"),
    "date.month.12": ("December", "décembre"),
    "date.month_year": ("{month} {year}", "{month} {year}"),
    "date.full": ("{day} {month} {year}", "{day} {month} {year}"),
    "date.first_day": ("1", "1er"),
    "language.en": ("English", "anglais"),
    "language.fr": ("French", "français"),
    "language.de": ("German", "allemand"),
    "language.uk": ("Ukrainian", "ukrainien"),
    "language.pl": ("Polish", "polonais"),
    "language.es": ("Spanish", "espagnol"),
    "language.it": ("Italian", "italien"),
    "language.nl": ("Dutch", "néerlandais"),
    "language.ru": ("Russian", "russe"),
    "language.pt": ("Portuguese", "portugais"),
    "kind.analysis": ("analysis", "analyse"),
    "kind.explainer": ("explainer", "explication"),
    "kind.guide": ("guide", "guide"),
    "kind.interview": ("interview", "entretien"),
    "kind.news": ("news", "actualité"),
    "kind.note": ("note", "note"),
    "kind.opinion": ("opinion", "tribune"),
    "kind.reference": ("reference", "référence"),
    "kind.report": ("report", "rapport"),
    "kind.review": ("review", "critique"),
    # -- the article header ---------------------------------------------------------
    "header.by": ("By {author}", "Par {author}"),
    "header.minutes": ("{minutes} min read", "{minutes} min de lecture"),
    "header.also_in": ("Also in ", "Aussi en "),
    "header.translation": ("{language}: {title}", "{language} : {title}"),
    # -- the list's views and the export ----------------------------------------------
    "view.all": ("Articles", "Articles"),
    "view.unread": ("Unread", "Non lus"),
    "view.bookmarked": ("Bookmarks", "Signets"),
    "export.bookmarks": ("Bookmarks", "Signets"),
    "export.no_bookmarks": ("No bookmarks yet.", "Pas encore de signets."),
    "export.gone": ("no longer in the library", "n'est plus dans la bibliothèque"),
    "export.bookmarked": ("  `{id}`, bookmarked {date}", "  `{id}`, mis en signet le {date}"),
    "export.read": ("Read", "Lus"),
    "export.nothing_read": ("Nothing marked read yet.", "Rien n'est encore marqué comme lu."),
    # -- the command line ---------------------------------------------------------
    "cli.description": (
        "Read articles in the terminal. Without a command, opens the reader.",
        "Lire des articles dans le terminal. Sans commande, ouvre le lecteur.",
    ),
    "cli.epilog": (
        "Run `reader COMMAND --help` for a command's options.",
        "`reader COMMANDE --help` donne les options d'une commande.",
    ),
    "cli.commands": ("commands", "commandes"),
    "cli.group.library": ("library and data", "bibliothèque et données"),
    "cli.help.version": ("print the version and exit", "affiche la version et quitte"),
    "cli.help.data_dir": (
        "where reading state is kept (default: ${variable}, else your user data folder)",
        "où l'état de lecture est gardé (par défaut : ${variable}, sinon votre dossier "
        "de données utilisateur)",
    ),
    "cli.help.content": (
        "also read the articles in DIR, recursively (repeatable)",
        "lit aussi les articles de DIR et de ses sous-dossiers (répétable)",
    ),
    "cli.help.no_bundled": (
        "leave out the library that comes with reader",
        "laisse de côté la bibliothèque fournie avec reader",
    ),
    "cli.help.json": ("print a JSON array instead", "affiche plutôt un tableau JSON"),
    "cli.help.list": (
        "list the articles, newest first, one per line",
        "liste les articles, du plus récent au plus ancien, un par ligne",
    ),
    "cli.help.unread": ("only articles not read yet", "seulement les articles non lus"),
    "cli.help.bookmarked": ("only bookmarked articles", "seulement les articles en signet"),
    "cli.help.show": (
        "print one article, rendered (plain text when piped)",
        "affiche un article mis en forme (texte brut dans un tube)",
    ),
    "cli.help.show_id": (
        "the article's id, as `reader list` shows it",
        "l'identifiant de l'article, tel que `reader list` l'affiche",
    ),
    "cli.help.width": ("wrap at this many columns", "largeur de ligne en colonnes"),
    "cli.help.check": (
        "validate content and report every problem",
        "vérifie les articles et signale chaque problème",
    ),
    "cli.help.check_dirs": (
        "folders to check (default: the library reader would load)",
        "dossiers à vérifier (par défaut : la bibliothèque que reader chargerait)",
    ),
    "cli.help.search": (
        "full-text search, best match first",
        "recherche dans le texte, meilleurs résultats d'abord",
    ),
    "cli.help.query": ('words, "a phrase", prefix*', 'des mots, "une phrase", préfixe*'),
    "cli.help.limit": ("at most this many (default 50)", "au plus ce nombre (50 par défaut)"),
    "cli.help.bookmarks": (
        "list, add or remove bookmarks",
        "liste, ajoute ou retire des signets",
    ),
    "cli.help.bookmarks_list": ("bookmarks, newest first", "les signets, du plus récent"),
    "cli.help.bookmarks_add": ("bookmark an article", "met un article en signet"),
    "cli.help.bookmarks_remove": ("remove a bookmark", "retire un signet"),
    "cli.help.id": ("the article's id", "l'identifiant de l'article"),
    "cli.help.note": ("a note to keep with the bookmark", "une note à garder avec le signet"),
    "cli.help.export": (
        "write bookmarks and reading state to a file",
        "écrit les signets et l'état de lecture dans un fichier",
    ),
    "cli.help.format": ("default: json", "par défaut : json"),
    "cli.help.output": (
        "write here (default: stdout)",
        "écrit ici (par défaut : la sortie standard)",
    ),
    "cli.help.config": (
        "where the config file is, and the settings in force",
        "où est le fichier de réglages, et les réglages en vigueur",
    ),
    "cli.help.config_action": (
        "path: print where it is; init: write a commented one; edit: open it in $EDITOR;"
        " show: print the settings in force",
        "path : affiche où il est ; init : en écrit un commenté ; edit : l’ouvre dans $EDITOR ;"
        " show : affiche les réglages en vigueur",
    ),
    "cli.help.import": (
        "merge a JSON export back in (safe to repeat)",
        "réintègre un export JSON (peut être répété sans risque)",
    ),
    "cli.help.import_file": (
        "a file made by `reader export`",
        "un fichier créé par `reader export`",
    ),
    "cli.help.no_pager": (
        "print straight to the terminal, without $PAGER or less",
        "écrire directement dans le terminal, sans $PAGER ni less",
    ),
    "show.sources": ("Sources", "Sources"),
    "show.links": ("Links", "Liens"),
    "cli.help.edit": (
        "open an article's file in your editor ($VISUAL or $EDITOR)",
        "ouvrir le fichier d'un article dans votre éditeur ($VISUAL ou $EDITOR)",
    ),
    "cli.not_editable": (
        "{id} comes with reader and is not yours to edit; copy it into a folder of yours",
        "{id} est livré avec reader et ne se modifie pas ; copiez-le dans un de vos dossiers",
    ),
    "key.app.edit": ("Edit", "Modifier"),
    "key.app.edit.long": (
        "Edit the article's file in your editor",
        "Modifier le fichier de l'article dans votre éditeur",
    ),
    "edit.nothing": ("Open or choose an article first", "Ouvrez ou choisissez d'abord un article"),
    "edit.no_terminal": (
        "No terminal to give the editor here: reader edit {id} from a shell",
        "Pas de terminal pour l'éditeur ici : reader edit {id} depuis un shell",
    ),
    "cli.help.add": (
        "save a web page (or an HTML file) as an article of your own library",
        "garder une page web (ou un fichier HTML) comme article de votre bibliothèque",
    ),
    "cli.help.add_source": (
        "an http(s) address, an HTML file, or - for HTML on standard input",
        "une adresse http(s), un fichier HTML, ou - pour du HTML sur l’entrée standard",
    ),
    "cli.help.timeout": (
        "seconds to wait for the page, in all (default 20)",
        "secondes d’attente de la page, en tout (20 par défaut)",
    ),
    "add.added": ("Added: {title} ({id})", "Ajouté : {title} ({id})"),
    "add.updated": ("Updated: {title} ({id})", "Mis à jour : {title} ({id})"),
    "add.same": (
        "Already in your library: {title} ({id})",
        "Déjà dans votre bibliothèque : {title} ({id})",
    ),
    "cli.fetching": ("Fetching {url}…", "Récupération de {url}…"),
    "cli.help.feeds": (
        "the feeds you follow (list by default)",
        "les flux suivis (liste par défaut)",
    ),
    "cli.help.feeds_list": ("list the feeds you follow", "lister les flux suivis"),
    "cli.help.feeds_add": (
        "follow a feed (RSS, Atom or JSON Feed)",
        "suivre un flux (RSS, Atom ou JSON Feed)",
    ),
    "cli.help.feed_name": (
        "a name for it (default: the feed's title)",
        "un nom (par défaut : le titre du flux)",
    ),
    "cli.help.feed_full": (
        "keep each item's linked page, not only the feed's text",
        "garder la page liée de chaque élément, pas seulement le texte du flux",
    ),
    "cli.help.feeds_remove": ("stop following a feed", "ne plus suivre un flux"),
    "cli.help.feeds_set": (
        "change a feed: its name, folder, tags, how often it is fetched",
        "changer un flux : son nom, son dossier, ses étiquettes, sa fréquence",
    ),
    "cli.help.feed_folder": (
        "file it in this folder (News/Local)",
        "le ranger dans ce dossier (Actualités/Local)",
    ),
    "cli.help.feed_tag": (
        "give it this tag (again for more); --tag '' clears them",
        "lui donner cette étiquette (répéter pour d’autres) ; --tag '' les efface",
    ),
    "cli.help.feed_every": (
        "fetch it every MINUTES (0: as the config's fetch_every says)",
        "le récupérer toutes les MINUTES (0 : comme le dit fetch_every)",
    ),
    "feeds.set": ("{feed}: {changes}", "{feed} : {changes}"),
    "feeds.set_nothing": (
        "nothing to change: --name, --folder, --tag or --every",
        "rien à changer : --name, --folder, --tag ou --every",
    ),
    "feeds.every": ("every {minutes} min", "toutes les {minutes} min"),
    "cli.help.feeds_import": (
        "follow the feeds of an OPML file",
        "suivre les flux d’un fichier OPML",
    ),
    "cli.help.feeds_export": ("print the feeds as OPML", "écrire les flux en OPML"),
    "cli.help.fetch": (
        "fetch every feed: new items become articles",
        "récupérer tous les flux : les nouveaux éléments deviennent des articles",
    ),
    "config.bad_fetch_every": (
        "fetch_every: minutes between fetches at launch, a whole number (0: never)",
        "fetch_every : minutes entre deux récupérations au lancement, nombre entier (0 : jamais)",
    ),
    "feeds.fetching": (
        "Fetching feeds: {done} of {total}",
        "Récupération des flux : {done} sur {total}",
    ),
    "feeds.fetched": ("Feeds: {new} new articles", "Flux : {new} nouveaux articles"),
    "feeds.fetched_failed": (
        "Feeds: {new} new articles; {failed} failed ({names})",
        "Flux : {new} nouveaux articles ; {failed} en échec ({names})",
    ),
    "key.app.fetch": ("Fetch feeds", "Récupérer les flux"),
    "feeds.added": ("Following {feed}", "Suivi : {feed}"),
    "feeds.changed": ("Already following {feed} (updated)", "Déjà suivi : {feed} (mis à jour)"),
    "feeds.removed": ("No longer following {feed}", "N’est plus suivi : {feed}"),
    "key.app.whole": ("Whole page", "Page entière"),
    "key.app.whole.long": (
        "A feed item's whole page, into the same article",
        "La page entière d’un article de flux, dans le même article",
    ),
    "add.whole_fetching": (
        "Fetching the whole page of {title}…",
        "Récupération de la page entière de {title}…",
    ),
    "add.whole_done": ("The whole page is in: {title}", "La page entière est là : {title}"),
    "add.whole_failed": (
        "The whole page could not be had",
        "La page entière n’a pas pu être récupérée",
    ),
    "add.not_an_item": (
        "not a feed item with a web address (w fetches a feed item's whole page)",
        "pas un article de flux avec une adresse web"
        " (w récupère la page entière d’un article de flux)",
    ),
    "feeds.found.one": ("{count} item now", "{count} article en ce moment"),
    "feeds.found.other": ("{count} items now", "{count} articles en ce moment"),
    "feeds.found_from": (
        "the feed the page advertises: {url}",
        "le flux que la page annonce : {url}",
    ),
    "feeds.unchecked": (
        "not checked now ({reason}); fetched with the others",
        "pas vérifié ({reason}) ; il sera récupéré avec les autres",
    ),
    "feeds.not_a_feed": (
        "not a feed, and no feed is advertised there",
        "ce n’est pas un flux, et aucun flux n’y est annoncé",
    ),
    "feeds.unknown": ("no feed called {feed}", "aucun flux nommé {feed}"),
    "feeds.imported": (
        "{added} feeds added ({listed} in the file)",
        "{added} flux ajoutés ({listed} dans le fichier)",
    ),
    "feeds.never": ("never fetched", "jamais récupéré"),
    "feeds.unread": ("{count} unread", "{count} non lus"),
    "feeds.none": ("No feeds yet: reader feeds add URL", "Aucun flux : reader feeds add URL"),
    "fetch.done": ("{feed}: {new} new", "{feed} : {new} nouveaux"),
    "fetch.hidden": ("{count} hidden by a rule", "{count} masqués par une règle"),
    "feeds.hides": ("hides: {rule}", "masque : {rule}"),
    "fetch.failed": ("{feed}: failed: {reason}", "{feed} : échec : {reason}"),
    "fetch.problem": (
        "{feed}: {reason}; what could be read was kept",
        "{feed} : {reason} ; ce qui était lisible a été gardé",
    ),
    "fetch.summary": (
        "{new} new articles from {feeds} feeds, {failed} failed",
        "{new} nouveaux articles de {feeds} flux, {failed} en échec",
    ),
    # -- reading lists from other services (reader import-list) ----------------------
    "lists.unknown": (
        "not a reading list reader knows: a Pocket, Instapaper, Omnivore or Wallabag export,"
        " or web addresses one a line (--format names the format)",
        "pas une liste de lecture que reader connaît : un export Pocket, Instapaper, Omnivore"
        " ou Wallabag, ou des adresses web une par ligne (--format nomme le format)",
    ),
    "lists.empty": ("the list has no entries", "la liste n’a aucune entrée"),
    "lists.too_many": (
        "more than {limit} entries: the rest were left out",
        "plus de {limit} entrées : les suivantes ont été laissées",
    ),
    "lists.too_large_unpacked": (
        "the zip unpacks to more than {limit} MB",
        "le zip se décompresse en plus de {limit} Mo",
    ),
    "lists.bad_zip": ("a zip that cannot be read ({reason})", "un zip illisible ({reason})"),
    "lists.bad_json": (
        "{name}: JSON that cannot be read ({reason})",
        "{name} : JSON illisible ({reason})",
    ),
    "lists.not_a_list": ("no list of entries", "aucune liste d’entrées"),
    "lists.not_an_entry": ("not an entry", "pas une entrée"),
    "lists.line": ("line {line}", "ligne {line}"),
    # -- fetching pages and feeds ---------------------------------------------------
    "fetch.not_http": (
        "only http and https addresses can be fetched, not {url}",
        "seules les adresses http et https peuvent être récupérées, pas {url}",
    ),
    "fetch.status": (
        "the server answered {status} {reason}",
        "le serveur a répondu {status} {reason}",
    ),
    "fetch.too_large": ("the page is larger than {limit} MB", "la page dépasse {limit} Mo"),
    "fetch.too_slow": (
        "the page took longer than {seconds} s to arrive",
        "la page a mis plus de {seconds} s à arriver",
    ),
    "fetch.redirects": (
        "more than {count} redirects (a redirect loop?)",
        "plus de {count} redirections (une boucle ?)",
    ),
    "fetch.no_answer": ("no answer within {seconds} s", "pas de réponse en {seconds} s"),
    "fetch.bad_address": ("not a valid address ({reason})", "adresse non valable ({reason})"),
    "fetch.page_failed": (
        "the page could not be fetched ({reason})",
        "la page n’a pas pu être récupérée ({reason})",
    ),
    "extract.no_text": (
        "no main text was found on the page",
        "aucun texte principal n’a été trouvé sur la page",
    ),
    "feeds.not_a_list": ("not a list of feeds ({reason})", "pas une liste de flux ({reason})"),
    "feeds.not_opml": ("not OPML ({reason})", "pas un fichier OPML ({reason})"),
    "lists.entry": ("entry {entry}", "entrée {entry}"),
    "lists.nothing": ("nothing", "rien"),
    "lists.not_address": (
        "not a web address ({address})",
        "pas une adresse web ({address})",
    ),
    "lists.unfetched_body": (
        "*The text of this page could not be fetched when it was imported: {reason}.*\n\n"
        "Its address: <{url}>\n\n"
        "`reader import-list FILE --retry-failed` tries again, as does `reader add {url}`.",
        "*Le texte de cette page n’a pas pu être récupéré lors de l’import : {reason}.*\n\n"
        "Son adresse : <{url}>\n\n"
        "`reader import-list FICHIER --retry-failed` réessaie, tout comme `reader add {url}`.",
    ),
    "lists.read.one": ("{path}: {format}, {count} page", "{path} : {format}, {count} page"),
    "lists.read.other": ("{path}: {format}, {count} pages", "{path} : {format}, {count} pages"),
    "lists.repeated": (
        "{count} listed twice, kept once",
        "{count} en double, gardées une fois",
    ),
    "lists.skipped": ("skipped: {place}", "ignorée : {place}"),
    "lists.progress": (
        "{done} of {total} · {failed} failed",
        "{done} sur {total} · {failed} en échec",
    ),
    "lists.left": ("about {time} left", "encore {time} environ"),
    "lists.summary": (
        "Added {added}, already there {there}, failed {failed}.",
        "Ajoutées {added}, déjà là {there}, en échec {failed}.",
    ),
    "lists.failed_kept": (
        "Pages that could not be fetched are kept with their title and address:",
        "Les pages non récupérées sont gardées avec leur titre et leur adresse :",
    ),
    "lists.more_failures": ("… and {count} more", "… et {count} de plus"),
    "lists.failed_before": (
        "{count} could not be fetched by an earlier import: --retry-failed tries them again.",
        "{count} n’ont pas pu être récupérées par un import précédent :"
        " --retry-failed les réessaie.",
    ),
    "lists.interrupted": (
        "Interrupted after {done} of {total}: what was done is kept."
        " The same command goes on where it stopped.",
        "Interrompu après {done} sur {total} : ce qui est fait est gardé."
        " La même commande reprend là où elle s’est arrêtée.",
    ),
    "lists.state_not_saved": (
        "Reading state could not be saved: archived and starred marks were not carried over.",
        "L’état de lecture n’a pas pu être enregistré : archives et favoris non repris.",
    ),
    "cli.help.import_list": (
        "bring in a Pocket, Instapaper, Omnivore or Wallabag export, or a list of addresses",
        "importer un export Pocket, Instapaper, Omnivore ou Wallabag, ou une liste d’adresses",
    ),
    "cli.help.import_list_file": (
        "the export: a CSV, JSON, zip or text file",
        "l’export : un fichier CSV, JSON, zip ou texte",
    ),
    "cli.help.list_feed": (
        "only the items of this feed (its address, name or title)",
        "seulement les articles de ce flux (son adresse, son nom ou son titre)",
    ),
    "cli.help.list_folder": (
        "only the items of the feeds in this folder (as OPML groups them)",
        "seulement les articles des flux de ce dossier (comme l’OPML les range)",
    ),
    "cli.help.list_saved": (
        "only the pages saved with add or import-list",
        "seulement les pages gardées avec add ou import-list",
    ),
    "cli.help.list_notes": (
        "only your own folders' articles (--content, the config file's content:)",
        "seulement les articles de vos dossiers (--content, content: du fichier de réglages)",
    ),
    "cli.no_feed_folder": (
        "no feed is in a folder called {folder}",
        "aucun flux dans un dossier nommé {folder}",
    ),
    "cli.help.list_format": (
        "the export's format, if it is not recognised",
        "le format de l’export, s’il n’est pas reconnu",
    ),
    "cli.help.retry_failed": (
        "fetch again the pages an earlier import could not fetch",
        "récupérer à nouveau les pages qu’un import précédent n’a pas pu récupérer",
    ),
    "palette.import_list": ("Import a reading list", "Importer une liste de lecture"),
    "palette.import_list_help": (
        "Pocket, Instapaper, Omnivore or Wallabag export, or addresses one a line",
        "Export Pocket, Instapaper, Omnivore ou Wallabag, ou adresses une par ligne",
    ),
    "lists.title": ("Import a reading list", "Importer une liste de lecture"),
    "lists.hint": ("Enter imports · Esc cancels", "Entrée importe · Échap annule"),
    "lists.placeholder": ("~/Downloads/pocket.zip", "~/Téléchargements/pocket.zip"),
    "lists.label": (
        "The file exported by Pocket, Instapaper, Omnivore or Wallabag, or addresses one a line."
        " Reading goes on while the pages arrive.",
        "Le fichier exporté par Pocket, Instapaper, Omnivore ou Wallabag, ou des adresses une"
        " par ligne. La lecture continue pendant l’arrivée des pages.",
    ),
    "lists.status": ("Importing: {progress}", "Import : {progress}"),
    "lists.cannot": ("Could not import the list", "Impossible d’importer la liste"),
    "lists.busy": ("An import is already under way", "Un import est déjà en cours"),
    "find.title": ("Find in this article", "Chercher dans cet article"),
    "find.hint": (
        "Enter finds · ] and [ go from match to match · Esc cancels",
        "Entrée cherche · ] et [ vont d'une occurrence à l'autre · Échap annule",
    ),
    "find.placeholder": ('words or "a phrase"', "des mots ou « une expression »"),
    "find.none": ("Not in this article: {words}", "Absent de cet article : {words}"),
    "key.main.find": ("Find in article", "Chercher dans l'article"),
    "add.title": ("Add a web page", "Ajouter une page web"),
    "add.hint": ("Enter adds · Esc cancels", "Entrée ajoute · Échap annule"),
    "add.placeholder": ("https://…", "https://…"),
    "add.label": (
        "The page is kept in your own library, readable offline.",
        "La page est gardée dans votre bibliothèque, lisible hors ligne.",
    ),
    "add.adding": ("Adding {url}…", "Ajout de {url}…"),
    "add.failed": ("Could not add the page", "Impossible d’ajouter la page"),
    "cli.help.serve": (
        "serve the interface to a web browser (needs textual-serve: the extra reader-tui[serve])",
        "servir l’interface à un navigateur web"
        " (demande textual-serve : l’extra reader-tui[serve])",
    ),
    "cli.help.host": (
        "address to listen on (default 127.0.0.1: this machine only)",
        "adresse d’écoute (127.0.0.1 par défaut : cette machine seulement)",
    ),
    "cli.help.port": (
        "port to listen on (default 8000)",
        "port d’écoute (8000 par défaut)",
    ),
    "cli.help.public_url": (
        "the address browsers use, when a reverse proxy stands in front (https://...)",
        "l’adresse qu’utilisent les navigateurs, derrière un proxy inverse (https://...)",
    ),
    "serve.missing_extra": (
        "serving to a browser needs textual-serve: pip install '{extra}' ({reason})",
        "servir à un navigateur demande textual-serve : pip install '{extra}' ({reason})",
    ),
    "serve.listening": (
        "reader is served on {url} — open it in a browser; Ctrl+C stops",
        "reader est servi sur {url} — ouvrez-le dans un navigateur ; Ctrl+C arrête",
    ),
    "serve.exposed": (
        "listening on {host}:{port} with no login: anyone who can reach this port can "
        "read your library and change its state. Put it behind a reverse proxy that "
        'asks for a password (see the README, "In a browser")',
        "écoute sur {host}:{port} sans connexion : quiconque atteint ce port peut lire "
        "votre bibliothèque et modifier son état. Placez-le derrière un proxy inverse qui "
        "demande un mot de passe (voir le README, « In a browser »)",
    ),
    "serve.bad_public_url": (
        "--public-url {url}: give the whole address, starting with https:// (or http://)",
        "--public-url {url} : donnez l’adresse entière, commençant par https:// (ou http://)",
    ),
    "serve.bad_port": (
        "--port {port}: a port is a number from 1 to 65535",
        "--port {port} : un port est un nombre de 1 à 65535",
    ),
    "serve.cannot_listen": (
        "cannot listen on {host}:{port}: {reason} (another port: --port)",
        "impossible d’écouter sur {host}:{port} : {reason} (autre port : --port)",
    ),
    "serve.stopped": (
        "reader serve stopped.",
        "reader serve arrêté.",
    ),
    "limits.note": (
        "⚠ reader shows this article differently from how it is written: {changes}.",
        "⚠ reader affiche cet article autrement qu'il n'est écrit : {changes}.",
    ),
    "limits.separator": ("; ", " ; "),
    "limits.nesting": (
        "lists and quotes nested deeper than {limit} levels are drawn at level {limit}",
        "les listes et citations imbriquées sur plus de {limit} niveaux sont "
        "dessinées au niveau {limit}",
    ),
    "limits.table": (
        "a table of more than {limit} columns is shown as plain text",
        "un tableau de plus de {limit} colonnes est affiché en texte brut",
    ),
    "limits.lines": (
        "lines longer than {limit} characters are broken",
        "les lignes de plus de {limit} caractères sont coupées",
    ),
    "limits.paragraph": (
        "paragraphs longer than {limit} characters are cut into several",
        "les paragraphes de plus de {limit} caractères sont coupés en plusieurs",
    ),
    "cli.no_such_content": (
        "{path}: no such file or folder (given with --content)",
        "{path} : ni fichier ni dossier de ce nom (donné avec --content)",
    ),
    "cli.bad_width": (
        "--width {width}: give a width from {low} to {high}",
        "--width {width} : donnez une largeur de {low} à {high}",
    ),
    "cli.no_match": ("No article matches.", "Aucun article ne correspond."),
    "cli.not_changed": (
        "nothing was changed: the reading state cannot be saved (see above)",
        "rien n'a été modifié : l'état de lecture ne peut pas être enregistré (voir plus haut)",
    ),
    "cli.no_bookmarks": (
        "No bookmarks. Add one with `reader bookmarks add ID` or `b` in the reader.",
        "Aucun signet. Ajoutez-en avec `reader bookmarks add ID` ou `b` dans le lecteur.",
    ),
    "cli.ambiguous_id": (
        "'{id}' could be {count} articles: {ids} (type more of it)",
        "'{id}' peut désigner {count} articles : {ids} (tapez-en davantage)",
    ),
    "cli.no_article": (
        "no article with id '{id}' (`reader list` shows the ids)",
        "aucun article n'a l'identifiant '{id}' (`reader list` affiche les identifiants)",
    ),
    "cli.bookmarked": ("Bookmarked {id}: {title}", "En signet {id} : {title}"),
    "cli.not_bookmarked": (
        "'{id}' is not bookmarked (`reader bookmarks` lists them)",
        "'{id}' n'est pas en signet (`reader bookmarks` liste les signets)",
    ),
    "cli.bookmark_removed": ("Removed the bookmark on {id}", "Signet retiré de {id}"),
    "cli.cannot_write": ("cannot write {path}: {reason}", "impossible d'écrire {path} : {reason}"),
    "cli.wrote": (
        "Wrote {bookmarks} bookmark(s) and {articles} article state(s) to {path}",
        "{bookmarks} signet(s) et {articles} état(s) d'article écrits dans {path}",
    ),
    "cli.not_imported": (
        "nothing was imported: the reading state cannot be saved (see above)",
        "rien n'a été importé : l'état de lecture ne peut pas être enregistré (voir plus haut)",
    ),
    "cli.imported": (
        "Imported from {path}: {bookmarks} new bookmark(s), {notes} note(s), "
        "{read} read mark(s), {positions} position(s)",
        "Importé de {path} : {bookmarks} nouveau(x) signet(s), {notes} note(s), "
        "{read} marque(s) de lecture, {positions} position(s)",
    ),
    "cli.checked": (
        "{articles} article(s) loaded, {errors} error(s), {warnings} warning(s)",
        "{articles} article(s) chargé(s), {errors} erreur(s), {warnings} avertissement(s)",
    ),
    "cli.no_terminal": (
        "the reader needs a terminal; for plain output use `reader list` or `reader show ID`",
        "le lecteur a besoin d'un terminal ; pour du texte brut, utilisez `reader list` "
        "ou `reader show ID`",
    ),
    "cli.yes": ("yes", "oui"),
    "cli.no": ("no", "non"),
    "cli.config.not_yet": (
        "the file does not exist yet: `reader config init` writes a commented one",
        "le fichier n’existe pas encore : `reader config init` en écrit un commenté",
    ),
    "cli.config.exists": (
        "{path} exists already: `reader config edit` opens it",
        "{path} existe déjà : `reader config edit` l’ouvre",
    ),
    "cli.config.written": (
        "Wrote {path}: every setting is commented there; `reader config edit` opens it.",
        "{path} écrit : chaque réglage y est commenté ; `reader config edit` l’ouvre.",
    ),
    "editor.cannot_start": (
        "cannot start the editor {editor!r} ({reason}); set VISUAL or EDITOR",
        "impossible de lancer l’éditeur {editor!r} ({reason}) ; réglez VISUAL ou EDITOR",
    ),
    "cli.config.none": ("(none)", "(aucun)"),
    "cli.config.last_theme": ("(the last one chosen)", "(le dernier choisi)"),
    "cli.config.last_width": (
        "(the last one chosen, else 80)",
        "(la dernière choisie, sinon 80)",
    ),
    "cli.config.file": ("config file: {value}", "fichier de réglages : {value}"),
    "cli.config.data_dir": ("data dir: {value}", "dossier des données : {value}"),
    "cli.config.cache_dir": ("cache dir: {value}", "dossier du cache : {value}"),
    "cli.config.bundled": ("bundled library: {value}", "bibliothèque fournie : {value}"),
    "list.undated": ("undated", "sans date"),
    # -- key bindings: `key.` + the binding's id ------------------------------------
    "key.app.bookmark": ("Bookmark", "Signet"),
    "key.app.note": ("Bookmark note", "Note du signet"),
    "key.app.read": ("Mark read/unread", "Marquer lu/non lu"),
    "key.app.refresh": ("Refresh", "Actualiser"),
    "key.app.add": ("Add a web page", "Ajouter une page web"),
    "key.app.quit": ("Quit", "Quitter"),
    "key.note.cancel": ("Cancel", "Annuler"),
    "key.confirm.yes": ("Yes", "Oui"),
    "key.confirm.no": ("No", "Non"),
    "key.help.close": ("Close help", "Fermer l'aide"),
    "key.main.next_pane": ("Next pane", "Panneau suivant"),
    "key.main.previous_pane": ("Previous pane", "Panneau précédent"),
    "key.main.back": (
        "Back to the list / clear search",
        "Retour à la liste / effacer la recherche",
    ),
    "key.main.search": ("Search", "Chercher"),
    "key.main.language": ("Filter by language", "Filtrer par langue"),
    "key.main.clear": ("Clear filters", "Effacer les filtres"),
    "key.main.next": ("Next article", "Suivant"),
    "key.main.next.long": ("Next article", "Article suivant"),
    "key.main.previous": ("Previous article", "Précédent"),
    "key.main.previous.long": ("Previous article", "Article précédent"),
    "key.main.sources": ("Show/hide sources", "Afficher/masquer les sources"),
    "key.main.list_narrower": ("Narrower list (or sidebar)", "Liste (ou volet) plus étroite"),
    "key.main.next_unread": ("Next unread", "Non lu suivant"),
    "key.main.sort": ("Sort order", "Ordre de tri"),
    "key.app.read_all": ("Mark all listed read", "Tout marquer lu"),
    "key.app.undo": ("Undo", "Annuler"),
    "main.no_unread": ("No unread article left", "Plus aucun article non lu"),
    "main.unread_elsewhere": (
        "No unread article left here: on to {where}",
        "Plus d’article non lu ici : place à {where}",
    ),
    "order.newest": ("newest first", "plus récents d’abord"),
    "order.oldest": ("oldest first", "plus anciens d’abord"),
    "order.title": ("by title", "par titre"),
    "order.unread": ("unread first", "non lus d’abord"),
    "order.time": ("shortest first", "plus courts d’abord"),
    "app.read_all": (
        "{count} marked read · u undoes",
        "{count} marqués lus · u annule",
    ),
    "app.nothing_to_undo": ("Nothing to undo", "Rien à annuler"),
    "app.watch_failed": (
        "Changes on disk will not show by themselves ({reason}): r reads the library again",
        "Les changements sur le disque ne s’afficheront pas seuls ({reason}) :"
        " r relit la bibliothèque",
    ),
    "app.undone": ("{count} marked unread again", "{count} de nouveau non lus"),
    "key.main.list_wider": ("Wider list (or sidebar)", "Liste (ou volet) plus large"),
    "key.main.view_all": ("All articles", "Tous les articles"),
    "key.main.view_unread": ("Unread only", "Non lus seulement"),
    "key.main.view_bookmarks": ("Bookmarks", "Signets"),
    "key.main.translation": ("Translation", "Traduction"),
    "key.main.back_link": ("Back (after a link)", "Retour (après un lien)"),
    "key.main.outline": ("Outline", "Plan"),
    "key.main.help": ("Help", "Aide"),
    "key.outline.close": ("Close the outline", "Fermer le plan"),
    "key.list.up": ("Previous article", "Article précédent"),
    "key.list.down": ("Next article", "Article suivant"),
    "key.list.first": ("First article", "Premier article"),
    "key.list.last": ("Last article", "Dernier article"),
    "key.list.page_up": ("Page up", "Page précédente"),
    "key.list.page_down": ("Page down", "Page suivante"),
    "key.list.open": ("Open", "Ouvrir"),
    "key.reader.up": ("Scroll up", "Remonter"),
    "key.reader.down": ("Scroll down", "Descendre"),
    "key.reader.page_down": ("Page down", "Page suivante"),
    "key.reader.page_up": ("Page up", "Page précédente"),
    "key.reader.top": ("Top of article", "Début de l'article"),
    "key.reader.bottom": ("End of article", "Fin de l'article"),
    "key.reader.next_link": ("Next link", "Lien suivant"),
    "key.reader.previous_link": ("Previous link", "Lien précédent"),
    "key.reader.follow_link": ("Follow the link", "Suivre le lien"),
    "key.reader.wider": ("Wider text", "Texte plus large"),
    "key.reader.narrower": ("Narrower text", "Texte plus étroit"),
    "key.reader.next_match": ("Next match", "Résultat suivant"),
    "key.reader.previous_match": ("Previous match", "Résultat précédent"),
    "key.search.results": ("To the results", "Vers les résultats"),
    "key.sources.copy": ("Copy the link", "Copier le lien"),
    "key.app.palette": ("Commands", "Commandes"),
    "key.app.palette.long": ("Command palette", "Palette de commandes"),
    "key.search.open_first": ("Open the first", "Ouvrir le premier"),
    "key.search.open_first.long": ("Open the first result", "Ouvrir le premier résultat"),
    "key.search.leave": ("Leave the search", "Quitter la recherche"),
    "key.search.save": ("Save as a feed", "Garder comme flux"),
    "key.search.save.long": (
        "Save the search as a feed of the feeds pane",
        "Garder la recherche comme flux du volet des flux",
    ),
    "key.main.feeds": ("Feeds", "Flux"),
    "key.main.feeds.long": ("Show/hide the feeds pane", "Afficher/masquer le volet des flux"),
    "key.feeds.up": ("Previous place", "Endroit précédent"),
    "key.feeds.down": ("Next place", "Endroit suivant"),
    "key.feeds.first": ("First place", "Premier endroit"),
    "key.feeds.last": ("Last place", "Dernier endroit"),
    "key.feeds.page_up": ("Page up", "Page précédente"),
    "key.feeds.page_down": ("Page down", "Page suivante"),
    "key.feeds.open": ("List its articles", "Lister ses articles"),
    "key.feeds.reload": ("Reload", "Recharger"),
    "key.feeds.reload.long": (
        "Fetch the feed (or the folder's feeds) now",
        "Récupérer le flux (ou ceux du dossier) maintenant",
    ),
    "key.feeds.mark_read": ("Mark read", "Marquer lu"),
    "key.feeds.mark_read.long": (
        "Mark everything of the feed or place read",
        "Marquer lu tout le flux ou l’endroit",
    ),
    "key.feeds.rename": ("Rename", "Renommer"),
    "key.feeds.remove": ("Remove", "Retirer"),
    "key.feeds.remove.long": (
        "Stop following the feed (or drop the saved search)",
        "Ne plus suivre le flux (ou oublier la recherche)",
    ),
    "key.feeds.add": ("Add a feed", "Ajouter un flux"),
    "key.feeds.next_unread": ("Next unread feed", "Flux non lu suivant"),
    "key.feeds.import": ("Import OPML", "Importer un OPML"),
    "key.feeds.import.long": (
        "Follow the feeds of an OPML file (newsboat, nom, FreshRSS…)",
        "Suivre les flux d’un fichier OPML (newsboat, nom, FreshRSS…)",
    ),
    "opml.title": ("Import feeds", "Importer des flux"),
    "opml.hint": ("Enter imports · Esc cancels", "Entrée importe · Échap annule"),
    "opml.placeholder": ("~/feeds.opml", "~/flux.opml"),
    "opml.label": (
        "Every feed of the file is followed, in its folders; the new ones are fetched at once.",
        "Chaque flux du fichier est suivi, dans ses dossiers ; les nouveaux sont récupérés"
        " aussitôt.",
    ),
    "feeds.import_failed": ("Feeds not imported", "Flux non importés"),
    "palette.import_opml": ("Import feeds (OPML)", "Importer des flux (OPML)"),
    "palette.import_opml_help": (
        "Follow the feeds of newsboat's, nom's or FreshRSS's export",
        "Suivre les flux d’un export de newsboat, nom ou FreshRSS",
    ),
    # -- the feeds pane ---------------------------------------------------------------
    "feeds.pane_title": ("Feeds", "Flux"),
    "feeds.failed_empty": (
        "Nothing from {feed} yet: its last fetch failed ({reason})."
        " r in the feeds pane tries again.",
        "Rien de {feed} pour l’instant : sa dernière récupération a échoué ({reason}). r dans le"
        " volet des flux réessaie.",
    ),
    "feeds.pane_empty": ("No feeds yet: A adds one", "Aucun flux : A en ajoute un"),
    "feeds.none_unread": ("No feed has unread items", "Aucun flux n’a d’article non lu"),
    "origins.all_feeds": ("All feeds", "Tous les flux"),
    "origins.saved": ("Saved pages", "Pages enregistrées"),
    "origins.notes": ("Notes and folders", "Notes et dossiers"),
    "origins.bundled": ("Bundled library", "Bibliothèque fournie"),
    "feeds.nothing_to_fetch": ("{place}: no feed to fetch", "{place} : aucun flux à récupérer"),
    "feeds.busy": (
        "Feeds are being fetched: try again once it is done",
        "Des flux sont en cours de récupération : réessayez ensuite",
    ),
    "feeds.search_mark_read": (
        "A saved search: choose it, then M marks what it lists",
        "Une recherche gardée : choisissez-la, puis M marque ce qu’elle liste",
    ),
    "feeds.marked_read": (
        "{count} marked read in {place} · u undoes",
        "{count} marqués lus dans {place} · u annule",
    ),
    "feeds.checking": ("Checking {url}…", "Vérification de {url}…"),
    "feeds.add_failed": ("Feed not added", "Flux non ajouté"),
    "feeds.cannot_rename": (
        "{place} cannot be renamed: feeds, folders and saved searches can",
        "{place} ne peut être renommé : les flux, dossiers et recherches gardées le peuvent",
    ),
    "feeds.cannot_remove": (
        "{place} cannot be removed: feeds and saved searches can",
        "{place} ne peut être retiré : les flux et recherches gardées le peuvent",
    ),
    "feeds.remove_question": (
        "Stop following {feed}? Its articles stay in your library.",
        "Ne plus suivre {feed} ? Ses articles restent dans votre bibliothèque.",
    ),
    "feeds.search_removed": ("Saved search “{name}” dropped", "Recherche « {name} » oubliée"),
    "feeds.search_saved": (
        "Search saved as “{name}” in the feeds pane",
        "Recherche gardée sous « {name} » dans le volet des flux",
    ),
    "feeds.gone": ("That feed is no longer followed", "Ce flux n’est plus suivi"),
    "feeds.renamed": ("{before} is now {after}", "{before} s’appelle maintenant {after}"),
    "follow.title": ("Follow a feed", "Suivre un flux"),
    "follow.hint": (
        "Enter checks and follows · Esc cancels",
        "Entrée vérifie et suit · Échap annule",
    ),
    "follow.placeholder": (
        "https://… (a feed, or a page that has one)",
        "https://… (un flux, ou une page qui en a un)",
    ),
    "follow.label": (
        "Its items are fetched at once and join your library.",
        "Ses articles sont récupérés aussitôt et rejoignent votre bibliothèque.",
    ),
    "rename.title": ("Rename", "Renommer"),
    "rename.hint": ("Enter renames · Esc cancels", "Entrée renomme · Échap annule"),
    "rename.placeholder": ("A name", "Un nom"),
    "savesearch.title": ("Save the search as a feed", "Garder la recherche comme flux"),
    "savesearch.hint": ("Enter saves · Esc cancels", "Entrée garde · Échap annule"),
    "savesearch.placeholder": ("A name for it", "Un nom pour elle"),
    # -- the app: notices and status ------------------------------------------------
    "app.config_title": ("Config file", "Fichier de réglages"),
    "app.unknown_theme": (
        "Unknown theme '{theme}' in the config file.",
        "Thème inconnu '{theme}' dans le fichier de réglages.",
    ),
    "app.loading": ("loading {done}/{total}", "chargement {done}/{total}"),
    "app.indexing": ("indexing {percent}%", "indexation {percent} %"),
    "app.problems_title": ("Content problems", "Problèmes dans les articles"),
    "app.problems": (
        "{errors} file(s) not loaded, {warnings} warning(s). Ctrl+P, then “Content problems”,"
        " lists each with its file and line.",
        "{errors} fichier(s) non chargé(s), {warnings} avertissement(s). Ctrl+P, puis"
        " « Problèmes dans les articles », donne chacun avec son fichier et sa ligne.",
    ),
    "palette.problems_help": (
        "Each file that did not load, or loaded with a warning, with its line and why",
        "Chaque fichier non chargé ou chargé avec un avertissement, sa ligne et pourquoi",
    ),
    "problems.none": ("No problems.", "Aucun problème."),
    "key.problems.close": ("Close", "Fermer"),
    "app.bookmarked": ("Bookmarked: {title}", "En signet : {title}"),
    "app.unbookmarked": ("Bookmark removed: {title}", "Signet retiré : {title}"),
    "app.refreshed": ("Refreshed", "Actualisé"),
    "app.no_article": ("No article with id '{id}'.", "Aucun article n'a l'identifiant '{id}'."),
    # -- the command palette ---------------------------------------------------------
    "palette.placeholder": ("Search for commands…", "Chercher une commande…"),
    "palette.theme_placeholder": ("Search for themes…", "Chercher un thème…"),
    "palette.theme": ("Theme", "Thème"),
    "palette.theme_help": ("Change the current theme", "Changer de thème"),
    "palette.screenshot": ("Screenshot", "Capture d'écran"),
    "palette.screenshot_help": (
        "Save an SVG 'screenshot' of the current screen",
        "Enregistrer une capture SVG de l'écran",
    ),
    # -- the main screen -------------------------------------------------------------
    "main.no_match": (
        "Nothing matches. Esc clears the search.",
        "Aucun résultat. Échap efface la recherche.",
    ),
    "main.loading": ("Loading the library…", "Chargement de la bibliothèque…"),
    "main.empty.all": (
        "No articles. Add a folder with `reader --content DIR`.",
        "Aucun article. Ajoutez un dossier avec `reader --content DOSSIER`.",
    ),
    "main.empty.unread": (
        "Nothing unread. Press 1 for all articles.",
        "Rien de non lu. 1 affiche tous les articles.",
    ),
    "main.empty.bookmarked": (
        "No bookmarks yet: press b on an article.",
        "Pas encore de signets : b sur un article en ajoute un.",
    ),
    "main.filtered_out": (
        "No article passes the filters. x clears them.",
        "Aucun article ne passe les filtres. x les efface.",
    ),
    "main.unread.one": ("{count} unread", "{count} non lu"),
    "main.unread.other": ("{count} unread", "{count} non lus"),
    # The counts first: a narrow list cuts the end of its title, and the names of the
    # filters are on screen elsewhere (the feeds pane, the search field).
    "main.filter_title": ("{shown} of {total} · {filters}", "{shown} sur {total} · {filters}"),
    "main.x_clears": ("x clears", "x efface"),
    "main.cannot_open": ("Cannot open", "Ouverture impossible"),
    "main.no_link_target": (
        "No article here for the link '{target}'.",
        "Aucun article ici pour le lien '{target}'.",
    ),
    "main.no_history": ("Nothing to go back to.", "Rien où revenir."),
    "main.source_no_link": ("This source has no link.", "Cette source n'a pas de lien."),
    "main.confirm_open": (
        "Open this link in your browser?",
        "Ouvrir ce lien dans votre navigateur ?",
    ),
    "main.no_browser": ("No browser could open {url}", "Aucun navigateur n'a pu ouvrir {url}"),
    "main.first": ("This is the first article.", "C'est le premier article."),
    "main.last": ("This is the last article.", "C'est le dernier article."),
    "main.open_first": ("Open an article first.", "Ouvrez d'abord un article."),
    "main.no_translation": (
        "This article has no translation.",
        "Cet article n'a pas de traduction.",
    ),
    "main.no_headings": ("No headings to show.", "Aucun intertitre à afficher."),
    # -- the help screen ---------------------------------------------------------------
    "help.title": ("Keys", "Touches"),
    "help.close_hint": ("Esc closes", "Échap ferme"),
    "help.filter": ("Type to find a key…", "Tapez pour trouver une touche…"),
    "help.everywhere": ("Everywhere", "Partout"),
    "help.list": ("Article list", "Liste des articles"),
    "help.search": ("Search field", "Champ de recherche"),
    "help.reading": ("Reading pane", "Panneau de lecture"),
    "help.sources": ("Sources", "Sources"),
    "help.feeds": ("Feeds pane", "Volet des flux"),
    # -- dialogs -------------------------------------------------------------------------
    "note.title": ("Bookmark note", "Note du signet"),
    "note.hint": ("Enter saves · Esc cancels", "Entrée enregistre · Échap annule"),
    "note.placeholder": ("Why this article matters…", "Pourquoi cet article compte…"),
    "note.hint_lines": (
        "Ctrl+S saves · Enter: a new line · Esc cancels",
        "Ctrl+S enregistre · Entrée : une ligne · Échap annule",
    ),
    "key.note.save": ("Save", "Enregistrer"),
    "outline.title": ("Outline: {title}", "Plan : {title}"),
    "outline.place": ("In {place}", "Dans {place}"),
    "outline.hint": ("Enter goes there · Esc closes", "Entrée y va · Échap ferme"),
    "confirm.open": ("Open (y)", "Ouvrir (y)"),
    "confirm.unfollow": ("Stop following (y)", "Ne plus suivre (y)"),
    "confirm.cancel": ("Cancel (n)", "Annuler (n)"),
    # -- the panes ---------------------------------------------------------------------
    "markdown.image": ("[image: {alt}]", "[image : {alt}]"),
    "markdown.notes": ("Notes", "Notes"),
    "markdown.embed_too_deep": (
        "(“{name}” is embedded too deep to show here)",
        "(« {name} » est incorporé trop profondément pour être montré ici)",
    ),
    "reading.rendering_long": (
        "Laying out a long passage…",
        "Mise en page d’un long passage…",
    ),
    "reading.placeholder": (
        "Select an article and press Enter to read it.",
        "Choisissez un article et appuyez sur Entrée pour le lire.",
    ),
    "reading.no_links": ("This article has no links.", "Cet article n'a pas de liens."),
    "reading.no_link_below": ("No more links below.", "Plus de liens plus bas."),
    "reading.no_link_above": ("No more links above.", "Plus de liens plus haut."),
    "reading.select_link": (
        "Select a link first with . (and , to go back).",
        "Choisissez d'abord un lien avec . (et , pour revenir).",
    ),
    "reading.no_matches": (
        "No search matches in this article.",
        "La recherche ne trouve rien dans cet article.",
    ),
    "reading.no_match_below": ("No more matches below.", "Plus de résultats plus bas."),
    "reading.no_match_above": ("No more matches above.", "Plus de résultats plus haut."),
    "reading.progress": ("{percent}% · {minutes} min left", "{percent} % · encore {minutes} min"),
    "reading.progress_end": ("{percent}% · end", "{percent} % · fin"),
    "reading.match_of": ("match {number} of {total}", "résultat {number} sur {total}"),
    "reading.progress_short": (
        "{percent}% · under a minute left",
        "{percent} % · moins d’une minute",
    ),
    "reading.width": ("Text width: {width} columns", "Largeur du texte : {width} colonnes"),
    "search.placeholder": (
        'Search: words, "a phrase", prefix*',
        'Chercher : des mots, "une phrase", préfixe*',
    ),
    "sources.none_open": (
        "Open an article to see its sources.",
        "Ouvrez un article pour voir ses sources.",
    ),
    "sources.none": ("No sources listed.", "Aucune source indiquée."),
    "sources.primary": ("Primary ({count})", "Primaires ({count})"),
    "sources.secondary": ("Secondary ({count})", "Secondaires ({count})"),
    "sources.quoted": ("Quoted ({count})", "Citées ({count})"),
    "sources.linked_from": ("Linked from ({count})", "Cité par ({count})"),
    "sources.links": ("Links ({count})", "Liens ({count})"),
    "sources.library_links": ("In this library ({count})", "Dans la bibliothèque ({count})"),
    "sources.no_link": (
        "This source has no link to copy.",
        "Cette source n'a pas de lien à copier.",
    ),
    "sources.copied": ("Copied: {url}", "Copié : {url}"),
    # -- command palette providers -------------------------------------------------------
    "commands.open": ("Open: {title}", "Ouvrir : {title}"),
    "commands.key": ("key {key}", "touche {key}"),
    "commands.filter.language": ("Filter by language: {value}", "Filtrer par langue : {value}"),
    "commands.filter.tag": ("Filter by tag: {value}", "Filtrer par mot-clé : {value}"),
    "commands.filter.outlet": ("Filter by outlet: {value}", "Filtrer par média : {value}"),
    "commands.filter.kind": ("Filter by kind: {value}", "Filtrer par genre : {value}"),
    "commands.count.one": ("{count} article", "{count} article"),
    "commands.count.other": ("{count} articles", "{count} articles"),
}
