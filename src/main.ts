// The design tokens and base styles come first, so every component's styles follow them.
import './ui/theme.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
