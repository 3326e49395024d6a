# Почему план не удалось связать с реестром или не прочитались реестр и переводы
# (src/link/error.rs): сообщения для тех, кто ведёт data/. Тексты в кавычках ("…") — как в плане
# или в файлах данных; $file — путь внутри data/.

link-unknown-participant = мероприятие { $measure }: участника { $text } нет среди государств-членов в реестре
link-unknown-executor = мероприятие { $measure }: исполнителя { $text } нет среди органов в { $file }
link-unknown-issuing-body = органа, принявшего решение, { $text } нет в реестре
link-unknown-place = места принятия решения { $text } нет в реестре
link-unknown-signatory-state = государства подписанта { $text } нет в реестре
link-title-names-no-document = в названии плана нет ни одного документа из реестра: { $title }
# $lang: en или zh.
link-missing-translation = у мероприятия { $measure } нет { $lang ->
    [en] английского текста
    [zh] китайского текста
   *[other] текста на языке { $lang }
} в { $file }

## Файл реестра или переводов, после «файл:строка: ».

link-translation-language = неизвестный язык { $lang }
link-no-measure-label = нет названия мероприятия на языке { $lang }
link-entity-not-a-slug = сущность { $id }: идентификатор должен состоять из a-z, 0-9 и «-»
link-entity-no-label = сущность { $id }: нет названия на языке { $lang }
link-entity-unknown-language = сущность { $id }: неизвестный язык { $lang }
link-entity-not-a-qid = сущность { $id }: wikidata { $wikidata } — не Q-идентификатор
link-entity-bad-date = сущность { $id }: дата { $date } не в виде ГГГГ или ГГГГ-ММ-ДД
link-entity-document-fields = сущность { $id }: у документа должны быть doc_kind и status
link-entity-not-a-document = сущность { $id }: doc_kind, status и date бывают только у документов
link-entity-id-twice = сущность { $id }: идентификатор встречается дважды
link-entity-shared-form = сущность { $id }: форма для поиска { $form } принадлежит также { $other }
link-entity-scope-not-a-match-form = сущность { $id }: формы { $form } из executor_scope нет среди её форм для поиска
link-entity-scope-names-no-state = сущность { $id }: форма { $form } из executor_scope отмечена как named, но не называет ни одного государства-члена
link-entity-scope-not-an-executor = сущность { $id }: форма { $form } из executor_scope не встречается среди исполнителей мероприятий источника
link-entity-unknown-parent = сущность { $id }: родителя { $parent } нет в этом файле
link-entity-coordinates-incomplete = сущность { $id }: lat, long и coordinates_source задаются вместе (для точки нужны обе координаты и их источник)
link-entity-coordinate-out-of-range = сущность { $id }: { $field } { $value } вне допустимого диапазона ({ $field ->
        [lat] от -90 до 90
       *[other] от -180 до 180
    } градусов)
link-entity-coordinates-not-a-place = сущность { $id }: lat, long и coordinates_source бывают только у мест
