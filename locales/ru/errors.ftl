# Отказы HTTP-сервиса (src/server): простой текст на языке читателя.

query-syntax-undeclared-prefix = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } префикс { $prefix }: не объявлен. Эта точка доступа заранее объявляет { $predeclared } (другие точки доступа и клиенты — нет: объявляйте каждый используемый префикс через PREFIX); для другого префикса напишите PREFIX { $prefix }: <IRI> перед запросом.
    { $snippet }
query-syntax-ends-too-soon = запрос не является корректным SPARQL 1.1: он кончается в строке { $line }, столбце { $column }, где ещё не может кончиться. Найдите выше, чего не хватает: у шаблона триплета должны быть субъект, предикат и объект; каждая группа, список и строка должны быть закрыты.
    { $snippet }
query-syntax-unexpected = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } не ожидалось `{ $found }`.
    { $snippet }
query-syntax-unexpected-expected = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } не ожидалось `{ $found }`; ожидалось одно из: { $expected }.
    { $snippet }
query-syntax-unknown-word = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } `{ $found }` — не ключевое слово SPARQL.
    { $snippet }
query-syntax-unknown-word-suggestion = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } `{ $found }` — не ключевое слово SPARQL; может быть, { $suggestion }?
    { $snippet }
query-syntax-closes-nothing = запрос не является корректным SPARQL 1.1: в строке { $line }, столбце { $column } `{ $bracket }` ничего не закрывает.
    { $snippet }
query-syntax-never-closed = запрос не является корректным SPARQL 1.1: `{ $bracket }` в строке { $line }, столбце { $column } нигде не закрыта.
    { $snippet }
query-syntax-other = запрос не является корректным SPARQL 1.1: { $detail }
    { $snippet }
api-error-read-only = эта точка доступа только для чтения: SPARQL Update не принимается (отправляйте запросы параметром `query=` или как application/sparql-query)
api-error-not-acceptable = ни один из типов в Accept (или format=) здесь не предоставляется; доступны: { $available }
api-error-body-timeout = тело запроса не пришло за { $seconds } с
api-error-busy = сейчас выполняется слишком много запросов; повторите через { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
   *[other] секунд
}
api-error-timeout = запрос остановлен через { $seconds } с — это наибольшее время выполнения запроса здесь
api-error-cancelled = запрос отменён
api-error-too-many-results = в ответе больше { $limit } строк или триплетов — больше, чем отдаёт эта точка доступа; сузьте запрос или получайте его по частям с LIMIT и OFFSET (вместе с ORDER BY, чтобы части не пересекались)
api-error-answer-too-long = ответ длиннее { $limit } байт — больше, чем отдаёт эта точка доступа; сузьте запрос или получайте его по частям с LIMIT и OFFSET (вместе с ORDER BY, чтобы части не пересекались)
api-error-out-of-memory = запрос остановлен: ему потребовалось больше { $megabytes } МБ памяти — больше, чем может занять один запрос здесь; свяжите его части (шаблон без общих переменных с остальными умножает число строк) или получайте ответ по частям с LIMIT и OFFSET
api-error-evaluation = запрос не удалось выполнить: { $detail }
api-error-internal = внутренняя ошибка: { $detail }
api-error-no-route = по адресу { $path } ничего нет
api-error-host = запрос HTTP/1.1 должен нести ровно один заголовок Host с именем сервера, которому он послан (RFC 9112, §3.2)
api-error-no-resource = ресурса <{ $iri }> в этом графе нет
api-error-no-dump = выгрузки с именем «{ $file }» нет
api-error-two-queries = в запросе больше одного SPARQL-запроса; отправьте ровно один
api-error-form-without-query = в форме нет параметра `query`
api-error-query-in-body-and-url = один запрос в теле и ещё один в URL; отправьте ровно один
api-error-not-utf8 = запрос не является текстом в UTF-8
api-error-post-content-type = POST /sparql принимает application/sparql-query или application/x-www-form-urlencoded (Content-Type: «{ $content_type }»)
api-error-body-too-large = тело запроса больше { $limit } байт
api-error-body-unreadable = не удалось прочитать тело запроса: { $detail }
api-error-graph-iri = { $parameter } «{ $iri }» не является абсолютным IRI: { $detail }
api-error-query-too-long = длина запроса { $length } байт; наибольшая допустимая — { $limit }
api-error-unknown-format = format=«{ $format }» — не формат; используйте json, xml, csv или tsv для SELECT и ASK, turtle, ntriples, rdfxml или jsonld для CONSTRUCT и DESCRIBE
api-error-too-deep = вложенность запроса больше { $limit } уровней (группы, скобки, операторы); упростите его
api-error-parentheses-too-deep = в запросе скобки вложены глубже { $limit } уровней (время разбора растёт с такой вложенностью экспоненциально); упростите запрос
api-error-too-many-patterns = в запросе больше { $limit } триплетных шаблонов, шагов путей и блоков VALUES; разделите его
api-error-cartesian-product = запрос перемножает { $parts } несвязанных частей (декартово произведение около { $combinations } сочетаний на строку наибольшей); свяжите их общими переменными или сузьте константами
api-error-lang = lang «{ $lang }»: ожидается ru, en или zh
api-error-lookup-without-q = нет параметра q (что искать)
api-error-lookup-type = type: { $detail }
api-error-lookup-limit = limit «{ $limit }»: ожидается целое число
lookup-error-empty = нечего искать: запрос пуст или состоит из одних пробелов
lookup-error-too-long = число символов в запросе — { $chars }, а поиск принимает не больше { $limit } (этого хватает на самое длинное название графа)
lookup-error-too-many-words = число слов в запросе — { $words }, а поиск принимает не больше { $limit } (этого хватает на самое длинное название графа)
lookup-error-control = в запросе управляющий символ ({ $code }); напишите название в одну строку, без табуляций и escape-последовательностей
api-error-string-growth = выражение запроса может построить строку длиной до { $bytes } байт (CONCAT, REPLACE, … от значений, построенных так же) — больше { $limit } МиБ, допустимых здесь для одного значения; стройте строки короче
api-error-sort-too-large = ORDER BY пришлось бы сортировать около { $rows } строк — больше { $limit }, допустимых здесь (сортировку нельзя остановить по тайм-ауту); сузьте запрос или свяжите его части
api-error-gathered-too-large = часть запроса, которая целиком держится в памяти (правая часть OPTIONAL или MINUS, замыкание пути с * или +), имела бы около { $rows } строк — больше { $limit }, допустимых здесь; свяжите её с остальным запросом общей переменной или закрепите один конец пути
api-not-ready = не готов: все слоты запросов заняты, и ждать своей очереди запросу негде; повторите через { $seconds } { $seconds ->
    [one] секунду
    [few] секунды
   *[other] секунд
}
query-evaluation-graph-as-results = запрос не удалось выполнить: его ответ — граф (CONSTRUCT или DESCRIBE), а не результаты запроса
query-evaluation-results-as-graph = запрос не удалось выполнить: его ответ — результаты запроса (SELECT или ASK), а не граф
query-evaluation-unwritable = ответ не удалось записать: { $detail }
