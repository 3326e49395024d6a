# Сообщения HTML-страниц (src/pages). Названия ресурсов берутся из графа.

## Рамка каждой страницы

site-name = План действий ШОС 2021–2025 · граф знаний
page-title = { $title } — { $site }
nav-services = Сервисы данных
nav-languages = Язык
nav-breadcrumbs = Вы здесь
nav-home = Главная
nav-query = Редактор запросов
nav-sparql = SPARQL-точка доступа
nav-ontology = Онтология
nav-source = Исходный текст
nav-void = Описание набора данных (VoID)
nav-dumps = Выгрузки:
nav-lookup = Поиск сущностей
nav-openapi = Описание API (OpenAPI)
footer-about = Определяющим является русский текст плана; тексты на английском и китайском языках — неофициальные переводы. Данные: CC BY 4.0.
lang-autonym-ru = Русский
lang-autonym-en = English
lang-autonym-zh = 中文

## Названия и значения

fallback-badge = { $lang ->
    [ru] по-русски
    [en] по-английски
   *[zh] по-китайски
}
fallback-title = На русском языке нет; показано { $lang ->
    [ru] по-русски
    [en] по-английски
   *[zh] по-китайски
}.
span-label = Строки источника { $start }–{ $end }
source-text-label = Исходный текст: { $title }
wikidata-item = Викиданные { $id }
date-day = { $day } { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
} { $year } г.
date-year = { $year } г.
measures-count = { NUMBER($count) ->
    [one] { $count } мероприятие
    [few] { $count } мероприятия
    [many] { $count } мероприятий
   *[other] { $count } мероприятия
}
format-turtle = Turtle
format-ntriples = N-Triples
format-rdfxml = RDF/XML
format-jsonld = JSON-LD

## Заголовок страницы

persistent-iri = Постоянный IRI
rdf-formats = RDF:
also-called = Также:
in-other-languages = На других языках:

## Сведения

fact-section = Раздел
fact-plan = План
fact-number = Номер
fact-participation = Круг участников
fact-participants = Государства-участники ({ $count })
fact-executors = { NUMBER($count) ->
    [one] Исполнитель
   *[other] Исполнители ({ $count })
}
fact-participants-text = Графа «Участники»
fact-executors-text = Графа «Исполнители»
fact-documents = Документы
fact-places = Места
fact-initiatives = Инициативы
fact-bodies = Органы
fact-states = Государства
fact-parent-body = Входит в
fact-sub-bodies = Входящие органы
fact-members = Государства-члены
fact-issued = Принятые акты
fact-wikidata = Викиданные
fact-coordinates = Координаты
coordinates-value = { $lat }° { $ns ->
        [south] ю. ш.
       *[north] с. ш.
    }, { $long }° { $ew ->
        [west] з. д.
       *[east] в. д.
    }
coordinates-osm = OpenStreetMap
coordinates-osm-title = Эта точка на OpenStreetMap (другой сайт)
map-heading = На карте
map-label = Карта мест графа, отмечено: { $place }
map-caption = Места графа, у которых есть координаты ({ $count }, WGS84), в равнопромежуточной проекции: долгота от { $west } до { $east }, широта от { $south } до { $north }. Границы и береговые линии не нарисованы. Регион показан точкой, указанной для него в источнике (вычисленный центр, памятник), а не своими очертаниями.
fact-document-kind = Вид
fact-document-status = Статус
fact-date = Дата
fact-implemented-by = Реализуется в
fact-plan-references = Упоминается в
fact-member-of = Член
fact-signatory = Подписант
fact-decision-place = Место принятия акта
fact-approved-by = Утверждён
fact-implements = Реализует
fact-source = Источник
fact-place = Место
fact-issued-by = Принято
fact-approves = Утверждает
fact-state = Государство
fact-office = Должность
fact-decision = Решение
fact-language = Язык
fact-format = Формат
fact-lines = Строки
fact-spans = Фрагменты источника
fact-measure = Мероприятие
fact-offsets = Позиции символов

## Тексты

text-heading = Текст
preamble-heading = Преамбула
translation-note = Тексты на этом языке — неофициальные переводы; определяющим является русский текст плана.
translation-missing = Перевода этого текста нет; показан определяющий русский текст.
authoritative-russian-heading = Определяющий русский текст
as-written-heading = Как написано в плане
as-written-intro = Графы «Участники» и «Исполнители» таблицы плана дословно.

## Мероприятия

mentions-heading = Названо в тексте
mentions-none = В тексте не названы документы, места, инициативы, органы или государства из реестра.
source-heading = Источник
source-open = открыть в исходном тексте
source-excerpt = Показать строки источника
section-measures-heading = { NUMBER($count) ->
    [one] { $count } мероприятие
    [few] { $count } мероприятия
    [many] { $count } мероприятий
   *[other] { $count } мероприятия
}
sections-heading = Разделы ({ $count })
plan-references-heading = Документы, названные в преамбуле

## Органы, документы, государства, места

body-executes-heading = Исполняемые мероприятия ({ $count })
body-executes-none = Этот орган не является исполнителем ни одного мероприятия.
body-coexecutors-heading = Соисполнители ({ $count })
body-coexecutors-none = Другие органы не исполняют те же мероприятия.
mentioned-in-heading = Мероприятия, в которых упоминается ({ $count })
mentioned-in-none = Ни одно мероприятие не упоминает этот ресурс.
document-cited-heading = Мероприятия, ссылающиеся на документ ({ $count })
document-cited-none = Ни одно мероприятие не ссылается на этот документ.
state-participates-heading = Мероприятия с участием ({ $count })
state-participates-none = Не участвует ни в одном мероприятии.

## Решение, подписанты и источник

signatories-heading = Подписанты ({ $count })
source-read = Читать исходный текст
source-derived-heading = Построено по нему ({ $count })

## Таблицы

column-number = №
column-section = Раздел
column-measures = Мероприятия
column-body = Орган
column-shared-measures = Общие мероприятия
column-executes = Исполняет
column-state = Государство
column-participates = Участвует
column-document = Документ
column-kind = Вид
column-date = Дата
column-cited = Ссылки
column-office = Должность
column-signatory = Подпись

## Связи в графе

links-heading = Связи
links-none = Этот ресурс не ссылается на другие ресурсы.
referenced-by-heading = Ссылаются сюда
referenced-by-none = Ни один ресурс не ссылается на этот.
referenced-by-intro = { NUMBER($count) ->
    [one] { $count } ссылка на этот ресурс, по свойствам:
    [few] { $count } ссылки на этот ресурс, по свойствам:
    [many] { $count } ссылок на этот ресурс, по свойствам:
   *[other] { $count } ссылки на этот ресурс, по свойствам:
}
pred-rdf-type = тип
pred-skos-preflabel = основное название
pred-skos-altlabel = другое название
pred-skos-notation = обозначение
pred-skos-note = примечание
pred-skos-inscheme = входит в схему
pred-skos-topconceptof = верхнее понятие схемы
pred-skos-hastopconcept = верхнее понятие
pred-owl-sameas = то же, что
pred-prov-wasderivedfrom = получено из
pred-dcterms-format = формат
pred-dcterms-language = язык
pred-oa-start = начальная позиция
pred-oa-end = конечная позиция
pred-org-suborganizationof = подразделение

## Главная страница

home-kicker = Связанные данные
home-intro = { $sections } { NUMBER($sections) ->
    [one] раздел
    [few] раздела
   *[many] разделов
} и { $measures } { NUMBER($measures) ->
    [one] мероприятие
    [few] мероприятия
   *[many] мероприятий
} плана в виде графа знаний: кто участвует, кто исполняет, какие документы, места и инициативы названы в каждом мероприятии и где оно стоит в исходном тексте.
home-read-plan = План
home-read-decision = Решение об утверждении
home-read-source = Исходный текст
search-label = Найти сущность
search-placeholder = Орган, государство, документ или слово: РАТС, межбанковское, Душанбе…
search-button = Найти
home-bodies-heading = Основные исполнители
home-bodies-intro = { NUMBER($count) ->
    [one] { $count } орган исполняет мероприятия; больше всего мероприятий у этих:
    [few] { $count } органа исполняют мероприятия; больше всего мероприятий у этих:
    [many] { $count } органов исполняют мероприятия; больше всего мероприятий у этих:
   *[other] { $count } органа исполняют мероприятия; больше всего мероприятий у этих:
}
home-all-bodies = Все органы ({ $count })
home-states-heading = Государства-члены ({ $count })
home-documents-heading = Документы ({ $count })
home-places-heading = Места ({ $count })
home-initiatives-heading = Именованные инициативы ({ $count })
home-data-heading = Данные и сервисы
service-sparql = точка доступа SPARQL 1.1 для ваших инструментов
service-query = составление и выполнение запросов SPARQL в браузере
service-dumps = весь граф одним файлом
service-ontology = классы и свойства графа
service-source = русский текст, по которому построен граф
service-void = объём, выгрузки и лицензия набора данных
service-lookup = поиск сущностей по названию на любом из трёх языков (JSON)
service-openapi = API поиска и сущностей, SPARQL-точка доступа и проверки работоспособности: их параметры и ответы (OpenAPI 3.1, JSON)

## Не найдено

not-found-heading = Не найдено
not-found-text = В графе знаний нет ресурса по этому адресу:

## Страница результатов поиска (/search)

search-heading = Поиск
search-title = Поиск: { $query }
search-type-label = Тип
search-type-all = Все типы
search-type-body = Органы
search-type-state = Государства-члены
search-type-document = Документы
search-type-place = Места
search-type-initiative = Именованные инициативы
search-type-measure = Мероприятия
search-type-section = Разделы
search-type-plan = План
search-type-decision = Решение
search-match-exact = точное совпадение
search-match-prefix = совпадают слова названия
search-match-fuzzy = похожее написание
search-match-text = найдено в тексте
search-field-preflabel = Название:
search-field-altlabel = Другое название:
search-field-text = Текст:
search-field-number = Номер:
search-found-heading = Результаты по запросу «{ $query }»
search-found-count = { NUMBER($count) ->
    [one] { $count } результат по типам; ищутся названия на любом из трёх языков.
    [few] { $count } результата по типам; ищутся названия на любом из трёх языков.
    [many] { $count } результатов по типам; ищутся названия на любом из трёх языков.
   *[other] { $count } результата по типам; ищутся названия на любом из трёх языков.
}
search-found-more = Показаны только { $limit } лучших результатов: добавьте слово или выберите тип, чтобы сузить поиск.
search-none-heading = По запросу «{ $query }» ничего не найдено
search-none-intro = Ни одно название, другое название или текст мероприятия в графе не подходит к запросу. Можно:
search-tip-spelling = проверить написание: одна опечатка прощается в словах из четырёх–семи букв, две — в более длинных, ни одной — в более коротких словах, сокращениях и числах;
search-tip-language = попробовать название по-русски, по-английски или по-китайски: названия ищутся на всех трёх языках, но слова не переводятся и не транслитерируются («Интербанк» не находит «Interbank»);
search-tip-all-types = искать среди всех типов, а не только выбранного;
search-tip-sections = просмотреть план по разделам;
search-tip-home = посмотреть основные органы, государства и документы на главной странице;
search-tip-sparql = или спросить граф о чём угодно в редакторе запросов SPARQL.
search-refused-heading = Такой запрос искать нельзя
search-refused-limits = Введите название или несколько его слов: не больше { $chars } символов и { $words } слов.

## Страница онтологии (/ontology)

ontology-contents = Содержание
ontology-classes-heading = Классы ({ $count })
ontology-object-properties-heading = Объектные свойства ({ $count })
ontology-datatype-properties-heading = Свойства-значения ({ $count })
ontology-individuals-heading = Именованные индивиды ({ $count })
ontology-fact-iri = IRI
ontology-fact-prefix = Префикс
ontology-fact-version = Версия
ontology-fact-license = Лицензия
ontology-fact-shapes = Формы
ontology-fact-type = Тип
ontology-fact-subclass-of = Подкласс
ontology-fact-one-of = Ровно одно из
ontology-fact-subproperty-of = Подсвойство
ontology-fact-inverse-of = Обратное к
ontology-fact-characteristics = Характеристики
ontology-functional = функциональное
ontology-inverse-functional = обратно функциональное
ontology-fact-domain = Область определения
ontology-fact-range = Область значений
ontology-fact-properties-from = Свойства его экземпляров
ontology-fact-properties-to = Свойства, указывающие на него
ontology-fact-scheme = В схеме
ontology-fact-notation = Обозначение
ontology-fact-uses = В графе
ontology-uses-class = { NUMBER($count) ->
    [one] { $count } экземпляр
    [few] { $count } экземпляра
    [many] { $count } экземпляров
   *[other] { $count } экземпляра
}
ontology-uses-property = { NUMBER($count) ->
    [one] используется в { $count } триплете
   *[other] используется в { $count } триплетах
}
ontology-uses-individual = { NUMBER($count) ->
    [one] на него ссылается { $count } триплет
    [few] на него ссылаются { $count } триплета
    [many] на него ссылаются { $count } триплетов
   *[other] на него ссылаются { $count } триплета
}
ontology-fact-example = Пример
ontology-example-none = в графе не используется

# As-you-type suggestions under a search box (web/suggest.js): the list's accessible name.
search-suggestions-label = Подсказки
