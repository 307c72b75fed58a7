# factdeck completion for bash. For this shell:  source <(factdeck completion bash)
# For every new shell:  factdeck completion bash > ~/.local/share/bash-completion/completions/factdeck
# (with the bash-completion package), or add the first line to ~/.bashrc.
_factdeck_complete() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  read -r -a words <<<"$line"
  if [[ ${#words[@]} -eq 0 || $line == *[[:space:]] ]]; then words+=(""); fi
  local cur=${COMP_WORDS[COMP_CWORD]}
  local typed=${words[${#words[@]}-1]}
  # bash splits words at = and : too, and replaces only the part after them.
  local lead=${typed%"$cur"}
  local IFS=$'\n'
  local -a lines
  lines=($("${words[0]}" __complete bash -- "${words[@]:1}" 2>/dev/null)) || return 0
  COMPREPLY=()
  local entry value
  for entry in "${lines[@]}"; do
    case $entry in
      :files) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")) ;;
      :dirs) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- "$cur")) ;;
      *)
        value=${entry%%$'\t'*}
        value=${value#"$lead"}
        COMPREPLY+=("$(printf '%q' "$value")") ;;
    esac
  done
  return 0
}
complete -F _factdeck_complete factdeck
