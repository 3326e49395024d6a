# Сообщения интерфейса командной строки.
cli-error = sco-kg: ошибка: { $message }
cli-server-listening = sco-kg обслуживает { $triples } триплетов по адресу { $url }
cli-server-stopped = sco-kg остановлен.
