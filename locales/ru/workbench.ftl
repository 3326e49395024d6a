# Сообщения редактора запросов (/query: src/pages/workbench.rs и web/workbench.js, который
# получает их со страницей). Слова в {фигурных скобках} без $ подставляет скрипт.

## Страница

wb-heading = Редактор запросов SPARQL
wb-intro = Пишите запросы SPARQL 1.1 к графу и смотрите ответ в виде таблицы или диаграммы. Префиксы графа объявлены для каждого запроса; классы, свойства и названия органов, государств, документов и мероприятий дополняются при вводе (Ctrl+Пробел).
wb-unknown-example = Примера «{ $id }» нет; в редакторе — начальный запрос.
wb-gallery-heading = Примеры ({ $count })
wb-gallery-intro = Вопросы, которые может задать аналитик. Нажмите на пример, чтобы загрузить его в редактор, затем выполните.
wb-editor-label = Запрос SPARQL
wb-run = Выполнить
wb-cancel = Отменить
wb-keys = Ctrl+Enter — выполнить · Ctrl+Пробел — дополнить · Shift+Ctrl+F — форматировать
wb-noscript = Редактору нужен JavaScript. Без него эта форма всё равно отправит запрос в точку доступа, которая ответит в формате SPARQL JSON.
wb-views-label = Представления результата
wb-view-table = Таблица
wb-view-bar = Столбцы
wb-view-network = Сеть
wb-view-timeline = Хронология
wb-view-map = Карта
wb-prefixes-heading = Префиксы ({ $count })
wb-prefixes-intro = Эти префиксы можно использовать в любом запросе, не объявляя их.
wb-limits = Запрос выполняется не дольше { $seconds } с и возвращает не больше { $rows ->
    [one] { $rows } строки
   *[other] { $rows } строк
}.

## Сообщения скрипта

wb-status-running = Выполняется… { $seconds } с
wb-status-done = Строк: { $rows } · { $ms } мс
wb-status-boolean = Ответ получен за { $ms } мс
wb-status-graph = Граф получен за { $ms } мс
wb-boolean-true = Да (true)
wb-boolean-false = Нет (false)
wb-cancelled = Отменено: сервер остановил запрос.
wb-error-timeout = Запрос выполнялся дольше { $seconds } с — предела этого сервера — и был остановлен. Сузьте его (более точные шаблоны, LIMIT) и выполните снова.
wb-error-busy = Сервер занят: одновременно выполняется слишком много запросов. Повторите через { $seconds } с.
wb-error-bad-request = Сервер не выполнил запрос:
wb-error-network = Не удалось связаться с сервером. Проверьте соединение и повторите.
wb-error-other = Сервер ответил с кодом { $status }.
wb-error-server-said = Сообщение сервера:
wb-empty = Запрос не вернул ни одной строки.
wb-truncated = В таблице показаны первые { $shown } из { $rows } строк; скачайте весь ответ.
wb-format-csv = CSV
wb-format-tsv = TSV
wb-format-json = SPARQL JSON
wb-format-turtle = Turtle
wb-format-ntriples = N-Triples
wb-format-jsonld = JSON-LD
wb-download = Скачать:
wb-unfit-bar = Для столбчатой диаграммы нужны столбец чисел и столбец названий.
wb-unfit-network = Для сети нужны два столбца IRI, например органы и мероприятия, которые они исполняют.
wb-unfit-timeline = Для хронологии нужен столбец дат или годов.
wb-unfit-map = Для карты нужны столбцы ?lat и ?long с координатами в десятичных градусах (WGS84), например geo:lat и geo:long мест.
wb-map-label = Карта точек ответа ({ $points })
wb-map-note = Точек: { $points }; строк без координат (не показаны): { $skipped }. Равнопромежуточная проекция; границы и береговые линии не нарисованы.
wb-graph-result = Запрос вернул граф; он показан в формате Turtle.
wb-completion-class = класс
wb-completion-property = свойство
wb-completion-entity = сущность
wb-network-other = Прочее
