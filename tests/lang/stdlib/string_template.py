# string.Template: $name, ${name}, $$, safe_substitute and errors.
from string import Template


def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


t = Template('$who likes ${what} for $$5, ${who}!')
print(t.substitute(who='tim', what='ham'))
print(t.substitute({'who': 'ann', 'what': 'jam'}))
print(t.substitute({'who': 'ann', 'what': 'jam'}, what='tea'))
print(t.safe_substitute(who='bo'))
print(t.template, t.get_identifiers(), t.is_valid())
attempt(t.substitute, who='x')
attempt(Template('cost: $').substitute)
attempt(Template('line one\nbad $ here').substitute)
attempt(Template('${a').substitute, a=1)
attempt(Template('${ a}').substitute)
attempt(Template('$1').safe_substitute)
attempt(Template('$a $').is_valid)
attempt(Template('$ab_1c! $A').substitute, ab_1c=1, A=2)
attempt(Template('x').substitute, {}, {})


class Percent(Template):
    delimiter = '%'


print(Percent('%who owes %%%amount').substitute(who='sam', amount=3))
rows = [{'n': 'a', 'v': 1}, {'n': 'b', 'v': 2}]
line = Template('$n=$v')
print(', '.join(line.substitute(r) for r in rows))
