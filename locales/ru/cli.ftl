# Сообщения интерфейса командной строки (src/main.rs) на языке терминала
# (LC_ALL, LC_MESSAGES, LANG).
cli-error = sco-kg: ошибка: { $message }
cli-error-file = { $path }: { $detail }
cli-error-source = { $path }:{ $line }: { $detail }
cli-error-internal = внутренняя ошибка: { $detail }
cli-error-option = --{ $option }: { $detail }
cli-error-query-syntax = запрос не является корректным SPARQL: { $detail }
cli-error-query-evaluation = на запрос не удалось ответить: { $detail }
cli-error-timeout = --timeout { $seconds }: ожидается положительное число секунд
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
