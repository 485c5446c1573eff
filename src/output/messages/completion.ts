// Shell completion (DIFFERENCES A5): the scripts printed by `impt completion
// bash|zsh|fish`. Each asks `impt completion --words <words so far>` for the
// candidates, one per line, so that they follow the commands of this impt
// (and, after an identifier option, the names of the current login).

export const completion = {
  shells: ['bash', 'zsh', 'fish'] as const,
  usage: [
    'Usage: impt completion bash|zsh|fish',
    '',
    'Prints a shell script completing impt groups, commands, options and option values',
    '(Product, Device Group and device names from the current login).',
    '',
    '  bash:  source <(impt completion bash)          (or save it in ~/.local/share/bash-completion/completions/impt)',
    '  zsh:   source <(impt completion zsh)           (after compinit)',
    '  fish:  impt completion fish > ~/.config/fish/completions/impt.fish',
  ].join('\n'),
  unknownShell: (shell: string) => `Error: Unknown shell "${shell}": choose bash, zsh or fish.`,
  bash: `# impt completion for bash: source <(impt completion bash)
_impt_completion() {
  local word
  COMPREPLY=()
  # one candidate per line, quoted for the command line (names may hold spaces)
  while IFS= read -r word; do
    printf -v word '%q' "\$word"
    COMPREPLY+=("\$word")
  done < <(command impt completion --words "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
complete -o default -F _impt_completion impt`,
  zsh: `#compdef impt
# impt completion for zsh: source <(impt completion zsh)   (after compinit)
_impt() {
  local -a candidates
  # zsh matches the word being typed (quotes and all) against the candidates
  # itself: impt is asked for every candidate but the options' names
  local cur=\${words[CURRENT]}
  [[ \$cur == -* ]] || cur=''
  candidates=("\${(@f)$(command impt completion --words "\${(@)words[2,CURRENT-1]}" "\$cur" 2>/dev/null)}")
  if (( \${#candidates} )) && [[ -n \${candidates[1]} ]]; then
    compadd -- "\${candidates[@]}"
  else
    _files
  fi
}
if (( $+functions[compdef] )); then compdef _impt impt; fi`,
  fish: `# impt completion for fish: impt completion fish > ~/.config/fish/completions/impt.fish
function __impt_complete
    command -q impt; or return
    set -l tokens (commandline -opc)
    # fish matches the token being typed (quotes and all) against the
    # candidates itself: impt is asked for every candidate but the options' names
    set -l current (commandline -ct)
    string match -q -- '-*' $current; or set current ''
    set -l candidates (command impt completion --words $tokens[2..-1] $current 2>/dev/null)
    # file names only where impt has nothing to offer, as for bash and zsh
    if set -q candidates[1]
        printf '%s\\n' $candidates
    else
        __fish_complete_path (commandline -ct)
    end
end
complete -c impt -f -a '(__impt_complete)'`,
};
