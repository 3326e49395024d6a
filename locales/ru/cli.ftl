# Сообщения интерфейса командной строки (src/main.rs) на языке терминала
# (LC_ALL, LC_MESSAGES, LANG).
cli-error = sco-kg: ошибка: { $message }
cli-error-file = { $path }: { $detail }
cli-error-source = { $path }:{ $line }: { $detail }
cli-error-internal = внутренняя ошибка: { $detail }
cli-error-option = --{ $option }: { $detail }
cli-error-query-evaluation = на запрос не удалось ответить: { $detail }
cli-error-query-timeout = запрос выполнялся дольше { $seconds } с и был остановлен; сузьте его или дайте больше времени с --timeout
cli-error-query-memory = запросу понадобилось больше { $megabytes } МБ памяти, и он был остановлен; сузьте его или разрешите больше с --max-query-mb
cli-error-timeout = --timeout { $seconds }: ожидается положительное число секунд
cli-error-write-timeout = --write-timeout { $seconds }: ожидается положительное число секунд
cli-error-at-least-one = --{ $option } должно быть не меньше 1
cli-error-lang = --lang «{ $lang }»: ожидается ru, en или zh
cli-error-serve = не удалось запустить сервер: { $detail }
cli-server-listening = sco-kg: { $triples } { $triples ->
    [one] триплет
    [few] триплета
   *[other] триплетов
} доступны по адресу { $url } (точка доступа SPARQL { $url }/sparql) — готово за { $ms } мс
cli-server-public-url = sco-kg: публичный адрес { $url }
cli-server-stopped = sco-kg: остановлен.

## `--help` (src/main.rs, fn localised_command): заголовки clap и его собственные флаги, затем
## тексты каждой команды (cli-help-КОМАНДА, cli-help-КОМАНДА-long), её параметров
## (cli-help-КОМАНДА-ПАРАМЕТР) и их значений (cli-help-КОМАНДА-ПАРАМЕТР-ЗНАЧЕНИЕ). Краткие
## описания без точки в конце: clap печатает их в одну строку после параметра.
cli-help-usage = Использование
cli-help-commands = Команды
cli-help-arguments = Аргументы
cli-help-options = Параметры
cli-help-flag-help = Показать справку
cli-help-flag-help-short = Показать справку (подробнее: '--help')
cli-help-flag-help-long = Показать справку (кратко: '-h')
cli-help-flag-version = Показать версию
cli-help-command-help = Показать эту справку или справку по указанным подкомандам
cli-help-about = План действий ШОС на 2021–2025 годы как многоязычный граф знаний на связанных данных с точкой доступа SPARQL
cli-help-about-long =
    sco-kg: План действий ШОС на 2021–2025 годы как многоязычный граф знаний на связанных данных.

    Все команды работают с данными, встроенными в исполняемый файл; параметр `--source` позволяет вместо них прочитать другую копию текста плана.
cli-help-lookup = Найти сущность по названию, синониму или словам её текста на русском, английском или китайском
cli-help-lookup-long =
    Найти сущность по названию, синониму или словам её текста на русском, английском или китайском.

    Выводит JSON: найденные сущности с IRI, типом, меткой на языке --lang (и языком, на который пришлось перейти, если метки на нём нет), совпавшей меткой или текстом, видом совпадения и оценкой.
cli-help-lookup-query = Что искать: "RATS", "Секретариатом", "反恐", "interbank", "Душанбе", "14" …
cli-help-lookup-lang = Язык меток в результатах: ru, en или zh
cli-help-lookup-type = Только эти типы, через запятую: body, state, document, place, initiative, measure, section, plan, decision
cli-help-lookup-limit = Наибольшее число результатов
cli-help-parse = Разобрать текст плана и вывести типизированную модель (решение, разделы, мероприятия)
cli-help-parse-source = Текстовый файл в формате data/source/ (по умолчанию — встроенный исходный текст)
cli-help-parse-format = Формат вывода
cli-help-parse-format-json = Вся модель в JSON
cli-help-parse-format-csv = По строке на мероприятие (RFC 4180)
cli-help-query = Выполнить запрос SPARQL 1.1 к графу знаний
cli-help-query-long =
    Выполнить запрос SPARQL 1.1 к графу знаний.

    Префиксы sco:, skos:, rdf:, rdfs:, owl:, xsd:, dcterms:, prov:, org:, oa:, wd: и id: (база ресурсов) уже объявлены. CONSTRUCT и DESCRIBE выводят Turtle.
cli-help-query-query = Запрос: его текст, @ФАЙЛ, чтобы прочитать его из файла, или -, чтобы прочитать его со стандартного ввода
cli-help-query-format = Формат вывода ответов на SELECT и ASK
cli-help-query-format-table = Выровненные столбцы
cli-help-query-format-json = Результаты запроса SPARQL 1.1 в JSON
cli-help-query-format-csv = Результаты запроса SPARQL 1.1 в CSV
cli-help-query-format-tsv = Результаты запроса SPARQL 1.1 в TSV
cli-help-query-format-xml = Результаты запроса SPARQL в XML
cli-help-query-base = База IRI ресурсов
cli-help-query-timeout = Наибольшее время выполнения запроса, в секундах (как у сервера по умолчанию)
cli-help-query-max-query-mb = Наибольший объём памяти для запроса, в мегабайтах (как у сервера по умолчанию)
cli-help-serve = Обслуживать граф знаний по HTTP: точка доступа SPARQL 1.1 — /sparql, каждый ресурс — /id/…, выгрузки — /dump/…, VoID — /.well-known/void
cli-help-serve-long =
    Обслуживать граф знаний по HTTP: точка доступа SPARQL 1.1 — /sparql, каждый ресурс — /id/…, выгрузки — /dump/…, VoID — /.well-known/void.

    Останавливается по SIGINT или SIGTERM, ответив на уже принятые запросы. RUST_LOG задаёт уровень журнала запросов (по умолчанию info).
cli-help-serve-bind = Адрес, на котором принимать соединения (порт 0 — любой свободный)
cli-help-serve-base = База IRI ресурсов; по /id/PATH отдаётся ресурс BASE + PATH
cli-help-serve-public-url = Адрес (origin), по которому клиенты обращаются к серверу за прокси, — для описания сервиса, VoID и перенаправлений (по умолчанию — заголовок Host запроса)
cli-help-serve-timeout = Наибольшее время выполнения запроса, в секундах
cli-help-serve-max-query-bytes = Наибольшая длина запроса, в байтах (длиннее — 413)
cli-help-serve-max-body-bytes = Наибольший размер тела запроса, в байтах (больше — 413)
cli-help-serve-max-concurrent = Наибольшее число одновременно выполняемых запросов (сверх него — 503 с Retry-After) [по умолчанию: вдвое больше числа процессоров, но не меньше 4]
cli-help-serve-max-results = Наибольшее число строк или триплетов в ответе
cli-help-serve-cache-mb = Объём кэша ответов на повторные запросы, в мегабайтах, и ещё четверть этого объёма для целых HTTP-ответов на повторные GET-запросы (0 — без кэшей)
cli-help-serve-queue-wait = Сколько секунд запрос может ждать свободного места, прежде чем получит отказ 503 (0 — отказ сразу)
cli-help-serve-write-timeout = Сколько секунд соединение может ждать, пока клиент не примет ни байта ответа, прежде чем будет закрыто
cli-help-serve-max-queued = Сколько запросов может одновременно ждать свободного слота; сверх этого запрос сразу отклоняется с 503 и Retry-After
cli-help-serve-max-answer-mb = Наибольшая длина ответа в мегабайтах, проверяется по мере записи; более длинный ответ отклоняется с объяснением, как получать его по частям
cli-help-serve-max-query-mb = Сколько памяти в мегабайтах может занять один запрос при вычислении и записи ответа; сверх этого запрос останавливается
cli-help-serve-max-in-flight-mb = Сколько мегабайт ответов могут одновременно ждать отправки по всем соединениям; сверх этого ответ отклоняется с 503
cli-help-serve-log-format = Как писать журнал в stderr: text — для людей, json (по объекту в строке) — для сборщиков журналов
cli-help-serve-log-format-text = Строки для людей; в цвете — только на терминале
cli-help-serve-log-format-json = По объекту JSON в строке: время, уровень, поля, источник и контекст запроса
cli-help-export = Записать весь граф в одном синтаксисе, побайтно одинаково при каждом запуске (с -o — атомарно)
cli-help-export-format = Синтаксис; canonical — канонический N-Quads по RDFC-1.0
cli-help-export-format-ttl = Turtle
cli-help-export-format-nt = N-Triples
cli-help-export-format-nq = N-Quads (граф по умолчанию)
cli-help-export-format-trig = TriG (граф по умолчанию)
cli-help-export-format-rdf = RDF/XML
cli-help-export-format-jsonld = JSON-LD (в развёрнутой форме, с контекстом из префиксов)
cli-help-export-format-canonical = Канонический N-Quads (RDFC-1.0); его SHA-256 — версия набора данных
cli-help-export-output = Файл для записи (по умолчанию — стандартный вывод)
cli-help-export-base = База IRI ресурсов
cli-error-queue-wait = --queue-wait { $seconds }: ожидается число секунд

## Типизированные ошибки библиотеки там, где о них сообщает интерфейс командной строки.

cli-error-source-column = { $path }:{ $line }:{ $column }: { $detail }
cli-error-stdout = не удалось записать в стандартный вывод: { $detail }

## `--scale` команд serve и export (src/store/scale.rs): граф и его синтетические копии.

cli-help-serve-scale = Отдавать граф в N экземплярах, чтобы измерить, как стоимость растёт с объёмом корпуса: сам план и N − 1 синтетических копий под BASE + copy/K/, их тексты и метки помечены « [K]» (1 — только план)
cli-help-export-scale = Записать граф в N экземплярах (см. serve --scale): сам план и N − 1 синтетических копий под BASE + copy/K/ (1 — только план)
