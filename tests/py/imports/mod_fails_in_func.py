def parse_config(text):
    key, value = text.split("=")
    return {key.strip(): value.strip()}
def load(lines):
    return [parse_config(line) for line in lines]
