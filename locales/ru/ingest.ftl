# Почему исходный текст плана не удалось прочитать (src/ingest/error.rs). CLI печатает эти
# сообщения после «файл:строка: ». Фрагменты источника приходят уже в кавычках ("…", невидимые
# символы экранированы) и не переводятся; $example и $mark — текст формата источника, по-русски.

ingest-empty = исходный текст пуст
ingest-not-utf8 = исходный текст не является корректным UTF-8 (байт { $byte } в строке)
ingest-measure-number = ожидалось мероприятие { $expected }, а найдено мероприятие { $found }
# $part: text, participants, executors, text-end (текст, продолженный после разрыва страницы).
ingest-missing-field = у мероприятия { $measure } нет { $part ->
    [text] текста
    [participants] графы «Государства-участники»
    [text-end] конца текста
   *[executors] исполнителей
}
ingest-heading-inside-measure = заголовок раздела { $heading } стоит внутри мероприятия { $measure }, до его { $part ->
    [text] текста
    [participants] графы «Государства-участники»
    [text-end] конца текста
   *[executors] исполнителей
}
ingest-empty-section = в разделе { $section } ({ $heading }) нет мероприятий
ingest-participants = мероприятие { $measure }: графа «Государства-участники» { $cell } не является перечнем государств
# Даты в виде ГГГГ-ММ-ДД.
ingest-approval-mismatch = план утверждён решением № { $approved-number } от { $approved-date }, но решение имеет № { $number } от { $date }

## В строке стоит $found, а по формату должно быть другое.

ingest-expected-capital-heading = ожидались названия организации и принявшего решение органа прописными буквами, а найдено { $found }
ingest-expected-act-kind-line = ожидался вид акта отдельной строкой прописными буквами, а найдено { $found }
ingest-expected-date-line = ожидались дата, номер и место принятия решения («{ $example }»), а найдено { $found }
ingest-expected-valid-date = ожидалась корректная дата, а найдено { $found }
ingest-expected-decision-number = ожидался номер решения, а найдено { $found }
ingest-expected-signature = ожидалась подпись (должность, а за ней государство), а найдено { $found }
ingest-expected-approval-note = ожидалась отметка об утверждении («{ $mark }»), а найдено { $found }
ingest-expected-approval-reference = ожидались номер и дата утверждающего решения («{ $example }»), а найдено { $found }
ingest-expected-section-heading = ожидался заголовок раздела, а найдено { $found }
ingest-expected-measure = ожидалось мероприятие { $measure }, а найдено { $found }

## Исходный текст обрывается до какой-то части документа.

ingest-missing-decision-heading = исходный текст обрывается до шапки решения
ingest-missing-act-kind = исходный текст обрывается до вида акта ({ $example })
ingest-missing-date-line = исходный текст обрывается до даты, номера и места принятия решения
ingest-missing-decision-title = исходный текст обрывается до названия решения
ingest-missing-operative-text = исходный текст обрывается до текста решения
ingest-missing-signatures = исходный текст обрывается до подписей
ingest-missing-annex = исходный текст обрывается до приложения («{ $mark }»)
ingest-missing-approval-note = исходный текст обрывается до отметки об утверждении («{ $mark }»)
ingest-missing-plan-title = исходный текст обрывается до названия плана
ingest-missing-preamble = исходный текст обрывается до преамбулы
ingest-missing-header-row = исходный текст обрывается до строки заголовков таблицы («{ $example }»)
ingest-missing-first-section-heading = исходный текст обрывается до заголовка первого раздела
ingest-missing-measure-text-end = исходный текст обрывается до конца текста мероприятия { $measure }
ingest-missing-measure-part = исходный текст обрывается до { $part ->
    [text] текста
    [participants] графы «Государства-участники»
    [text-end] конца текста
   *[executors] исполнителей
} мероприятия { $measure } (начатого в строке { $line })
ingest-missing-section-measures = исходный текст обрывается до мероприятий раздела { $section } ({ $heading })
