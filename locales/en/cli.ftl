# Messages of the command-line interface.
cli-error = sco-kg: error: { $message }
cli-server-listening = sco-kg is serving { $triples } triples at { $url }
cli-server-stopped = sco-kg stopped.
