# Сбои конвейера и запуска сервера на языке читателя: файлы данных (src/data.rs, слова
# src/link/error.rs после «файл:строка:столбец: »), построение графа (src/store/error.rs),
# дампы (src/export.rs), настройки (src/server/config.rs) и работа сервера (src/server/run.rs).
# $detail — слова библиотеки (разборщика, хранилища, системы), по-английски.

data-missing = нет среди встроенных файлов
data-not-utf8 = не является текстом в UTF-8
data-toml = не является TOML ожидаемого вида: { $detail }
data-invalid = { $detail }
graph-too-large = в графе { $triples } триплетов, а индекс запросов нумерует не более { $most }
graph-prefix = префикс { $prefix }: <{ $namespace }> нельзя объявить для запросов: { $detail }
export-serialise = граф не удалось сериализовать: { $detail }
export-not-utf8 = N-Quads, записанные для канонической формы, не в UTF-8 в строке { $line }, байт { $byte }
export-reread = N-Quads, записанные для канонической формы, не читаются обратно в строке { $line }, столбце { $column }: { $detail }
export-canonical = граф не удалось привести к канонической форме: { $detail }
# $setting — поле настроек сервера (timeout, max_results, …).
config-zero = параметр { $setting } должен быть больше нуля
# $url — адрес как он задан, в кавычках.
config-public-url-not-an-iri = { $url }: { $detail }
config-public-url-not-http = { $url }: должен начинаться с http:// или https://
config-public-url-no-host = { $url }: не указан хост
config-public-url-query-or-fragment = { $url }: не должен содержать ни запроса, ни фрагмента
serve-bind = не удалось принимать соединения на { $bind }: { $detail }
serve-start = не удалось запуститься: { $detail }
serve-start-workers = не удалось запустить потоки запросов: { $detail }
serve-io = { $detail }
serve-thread-ended = поток сервера завершился, не начав принимать соединения
serve-thread-panicked = поток сервера завершился паникой
# Галерея примеров (src/examples.rs), после «файл:строка: ». $field — title или description,
# ключ как он написан; $lang — тег языка в кавычках.
example-no-text = у { $field } нет текста на языке { $lang }
example-other-language = у { $field } есть текст на языке { $lang }, а это не ru, en или zh
example-empty-query = запрос пуст
# Ответ, строки которого не совпадают с ожидаемыми строками примера, по строке сообщения на
# пункт; $rows — строки, как их пишет Rust.
example-rows = { $id }: ожидалось строк: { $expected }, получено: { $got }
example-rows-missing = недостает: { $rows }
example-rows-unexpected = лишние: { $rows }
example-rows-reordered = те же строки, но в другом порядке или с другим числом повторов:
example-rows-expected = ожидалось: { $rows }
example-rows-got = получено:   { $rows }
# Файлы data/lookup/ (src/lookup/expand.rs), после «файл:строка:столбец: ». $term — термин или
# значение из [[expand]] как он написан, в кавычках; $key — terms или means.
lookup-data-no-words = { $term }: в термине нет ни слов, ни китайских иероглифов
lookup-data-mixed = { $term }: термин — это слова или одна непрерывная цепочка китайских иероглифов, но не то и другое вместе
lookup-data-empty = { $key } пуст: в [[expand]] нужны и terms, и means
# База IRI ресурсов (--base; src/graph/build.rs); $base — как она задана, в кавычках.
base-not-an-iri = { $base } не является абсолютным IRI: { $detail }
base-no-separator = { $base } должен оканчиваться на «/» или «#»
