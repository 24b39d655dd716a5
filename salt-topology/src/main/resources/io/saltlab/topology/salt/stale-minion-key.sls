# A lab minion whose key pair changed (its key volume was lost, or it moved to a node without it)
# is denied while the master holds the old key of its id. When no minion of that id is connected,
# the old key belongs to nobody: forget it, so that the minion's next attempt is accepted through
# the lab token like a new minion's (autosign_grains_dir). A connected id is never touched, ids
# outside the lab are never touched, and acceptance still needs the token.
{%- set stateful = @@STATEFUL_ROLES@@ %}
{%- set fixed = @@FIXED_ROLES@@ %}
{%- set id = data.get('id', '') %}
{%- set parts = id.rpartition('-') %}
{%- if data.get('act') == 'denied' and (id in fixed or (parts[0] in stateful and parts[2].isdigit())) %}
{%-   if id not in salt['saltutil.runner']('manage.present') %}
saltlab-forget-stale-key:
  wheel.key.delete:
  - args:
    - match: {{ id }}
{%-   endif %}
{%- endif %}
