internal import TiyanCore
